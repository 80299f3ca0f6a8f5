package api

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Cond is one condition of the display_filter language: sign|field|op|value.
type Cond struct {
	Exclude bool   // "-": drop the rows that match
	Field   string // e.g. "type", "refdomain", "backlinksnum_0"
	Op      Op
	Value   string
}

// String renders the condition in the (unencoded) filter language.
func (c Cond) String() string {
	sign := "+"
	if c.Exclude {
		sign = "-"
	}
	return sign + "|" + c.Field + "|" + string(c.Op) + "|" + c.Value
}

// Filter is a list of conditions, AND-ed together.
type Filter []Cond

// String renders the filter as display_filter wants it before URL encoding:
// conditions joined by "|".
func (f Filter) String() string {
	parts := make([]string, len(f))
	for i, c := range f {
		parts[i] = c.String()
	}
	return strings.Join(parts, "|")
}

// ParseFilter parses the unencoded filter language ("+|type||follow|-|zone||ru").
// A value may itself contain "|": tokens are joined back into the value until
// the next token starts a condition (a sign followed by a plausible field name
// and operation).
func ParseFilter(s string) (Filter, error) {
	// Blank space before the first sign is not part of the filter; anything
	// after it is, down to a trailing space of the last value, so that
	// ParseFilter(f.String()) gives f back.
	s = strings.TrimLeft(s, " \t\r\n")
	if s == "" {
		return nil, nil
	}
	tok := strings.Split(s, "|")
	var out Filter
	i := 0
	for i < len(tok) {
		if len(tok)-i < 4 {
			return nil, fmt.Errorf("filter %q: condition %d is incomplete (want sign|field|operation|value)", s, len(out)+1)
		}
		sign, field, op := tok[i], tok[i+1], tok[i+2]
		if sign != "+" && sign != "-" {
			return nil, fmt.Errorf("filter %q: condition %d starts with %q, want + or -", s, len(out)+1, sign)
		}
		if !validFieldName(field) {
			return nil, fmt.Errorf("filter %q: %q is not a field name", s, field)
		}
		if !knownOp(Op(op)) {
			return nil, fmt.Errorf("filter %q: unknown operation %q (want Eq, Gt, Lt, Bw, Ew, Co, Wm or empty)", s, op)
		}
		value := tok[i+3]
		i += 4
		for i < len(tok) && !startsCond(tok[i:]) {
			value += "|" + tok[i]
			i++
		}
		out = append(out, Cond{Exclude: sign == "-", Field: field, Op: Op(op), Value: value})
	}
	return out, nil
}

func startsCond(t []string) bool {
	return len(t) >= 4 && (t[0] == "+" || t[0] == "-") && validFieldName(t[1]) && knownOp(Op(t[2]))
}

func validFieldName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func knownOp(o Op) bool {
	switch o {
	case OpNone, OpEq, OpGt, OpLt, OpBw, OpEw, OpCo, OpWm:
		return true
	}
	return false
}

// ValidateFilter checks every condition against the report's filter fields.
// targets is the number of targets (for indexed fields such as backlinksnum_N).
func (r *Report) ValidateFilter(f Filter, targets int) error {
	if len(f) == 0 {
		return nil
	}
	if len(r.Filters) == 0 {
		return fmt.Errorf("%s takes no filter", r.Type)
	}
	if len(f) > MaxFilters {
		return fmt.Errorf("filter has %d conditions; the API takes at most %d", len(f), MaxFilters)
	}
	for _, c := range f {
		if err := r.ValidateCond(c, targets); err != nil {
			return err
		}
	}
	return nil
}

// ValidateCond checks one condition against the report's filter fields.
func (r *Report) ValidateCond(c Cond, targets int) error {
	ff, idx, ok := r.Filter(c.Field)
	if !ok {
		return fmt.Errorf("%s has no filter field %q (fields: %s)", r.Type, c.Field, r.filterNames())
	}
	if ff.Indexed && idx >= targets {
		return fmt.Errorf("filter %s: target index %d out of range (%d targets)", c.Field, idx, targets)
	}
	opOK := false
	for _, o := range ff.Ops {
		if o == c.Op {
			opOK = true
		}
	}
	if !opOK {
		return fmt.Errorf("filter %s does not take operation %q (takes %s)", c.Field, c.Op, opNames(ff.Ops))
	}
	if strings.TrimSpace(c.Value) == "" {
		return fmt.Errorf("filter %s needs a value", c.Field)
	}
	if len(ff.Values) > 0 {
		for _, v := range ff.Values {
			if v == c.Value {
				return nil
			}
		}
		return fmt.Errorf("filter %s: %q is not one of %s", c.Field, c.Value, strings.Join(ff.Values, ", "))
	}
	switch ff.ValueKind {
	case KindInt:
		if _, err := strconv.ParseInt(c.Value, 10, 64); err != nil {
			return fmt.Errorf("filter %s: %q is not a whole number", c.Field, c.Value)
		}
	case KindIP:
		if c.Op == OpEq && net.ParseIP(c.Value) == nil {
			return fmt.Errorf("filter %s: %q is not an IP address", c.Field, c.Value)
		}
	case KindCountryCode:
		if _, ok := CountryName(c.Value); !ok {
			return fmt.Errorf("filter %s: %q is not a known ISO country code (us, de, ...)", c.Field, c.Value)
		}
	}
	return nil
}

func (r *Report) filterNames() string {
	var n []string
	for _, f := range r.Filters {
		if f.Indexed {
			n = append(n, f.Name+"_N")
		} else {
			n = append(n, f.Name)
		}
	}
	return strings.Join(n, ", ")
}

func opNames(ops []Op) string {
	var n []string
	for _, o := range ops {
		if o == OpNone {
			n = append(n, "the empty operation")
		} else {
			n = append(n, string(o))
		}
	}
	return strings.Join(n, ", ")
}
