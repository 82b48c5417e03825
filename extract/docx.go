package extract

import (
	"context"
	"errors"
)

func readDOCX(ctx context.Context, data []byte, opt Options) ([]Block, int, []string, error) {
	return nil, 0, nil, errors.New("docx: not implemented")
}
