package extract

import (
	"context"
	"errors"
)

func readHTML(ctx context.Context, data []byte, opt Options) ([]Block, int, []string, error) {
	return nil, 0, nil, errors.New("html: not implemented")
}
