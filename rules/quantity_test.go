package rules

import (
	"fmt"
	"testing"
)

func TestParseQuantities(t *testing.T) {
	tests := []struct {
		in   string
		want string // kind:value:unit:vague:text for each quantity, joined by " | "
	}{
		{"within five (5) business days of discovery", "duration:7:business days:false:five (5) business days"},
		{"within 30 days after", "duration:30:days:false:30 days"},
		{"no later than seventy-two (72) hours", "duration:3:hours:false:seventy-two (72) hours"},
		{"within ten (10) calendar days", "duration:10:calendar days:false:ten (10) calendar days"},
		{"within two weeks", "duration:14:weeks:false:two weeks"},
		{"within sixty (60) days", "duration:60:days:false:sixty (60) days"},
		{"one hundred twenty days", "duration:120:days:false:one hundred twenty days"},
		{"shall promptly notify", "duration:0:promptly:true:promptly"},
		{"without unreasonable delay", "duration:0:without unreasonable delay:true:without unreasonable delay"},
		{"as soon as practicable", "duration:0:as soon as practicable:true:as soon as practicable"},
		{"shall immediately notify", "duration:0:immediately:false:immediately"},
		{"limits of $5,000,000 per claim", "money:5e+06:USD:false:$5,000,000"},
		{"five million dollars ($5M)", "money:5e+06:USD:false:five million dollars ($5M)"},
		{"$5 million in the aggregate", "money:5e+06:USD:false:$5 million"},
		{"$2.5M", "money:2.5e+06:USD:false:$2.5M"},
		{"ninety-five percent (95%)", "percent:95:%:false:ninety-five percent (95%)"},
		{"an accuracy rate of 95 %", "percent:95:%:false:95 %"},
		{"at least 98% accurate", "percent:98:%:false:98%"},
		{"Section 5 of the Agreement", ""},
		{"within 5 days and no later than 30 days", "duration:5:days:false:5 days | duration:30:days:false:30 days"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ""
			for i, q := range ParseQuantities(tt.in) {
				if i > 0 {
					got += " | "
				}
				got += fmt.Sprintf("%s:%v:%s:%v:%s", q.Kind, q.Value, q.Unit, q.Vague, q.Text)
				if tt.in[q.Start:q.End] != q.Text {
					t.Errorf("offsets %d:%d give %q, not %q", q.Start, q.End, tt.in[q.Start:q.End], q.Text)
				}
			}
			if got != tt.want {
				t.Errorf("ParseQuantities(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}
