package api

import (
	"fmt"
	"strconv"
	"sync"
)

// BudgetError is the error of a request that was not sent because its
// worst-case cost would pass the session's budget. Nothing was spent.
type BudgetError struct {
	Need      int64 // worst-case cost of the request (EstimateCost)
	Remaining int64 // units of the budget left (never negative)
	Budget    int64 // the session's budget
	// FitRows is the largest page that still fits the remaining budget, for
	// per-line paged reports; 0 if none fits or the report is not paged.
	FitRows int
}

func (e *BudgetError) Error() string {
	s := fmt.Sprintf("over budget: needs up to %s units; %s left of the %s budget",
		Thousands(e.Need), Thousands(e.Remaining), Thousands(e.Budget))
	switch {
	case e.FitRows == 1:
		s += "; 1 row would fit"
	case e.FitRows > 1:
		s += "; " + Thousands(int64(e.FitRows)) + " rows would fit"
	}
	return s
}

// budget caps what a session may spend. Requests in flight reserve their
// worst-case cost so that concurrent requests cannot pass it together.
type budget struct {
	mu       sync.Mutex
	limit    int64 // 0: no budget
	reserved int64
}

// SetBudget caps the units this session may spend from now on (counting
// what the ledger already holds); 0 removes the cap. The UI's budget prompt
// calls it.
func (c *Client) SetBudget(units int64) {
	c.budget.mu.Lock()
	c.budget.limit = max(units, 0)
	c.budget.mu.Unlock()
}

// Budget returns the session's budget and the units of it left (spent and
// in-flight requests deducted); ok is false when there is no budget.
func (c *Client) Budget() (limit, remaining int64, ok bool) {
	c.budget.mu.Lock()
	defer c.budget.mu.Unlock()
	if c.budget.limit <= 0 {
		return 0, 0, false
	}
	return c.budget.limit, c.remainingLocked(), true
}

func (c *Client) remainingLocked() int64 {
	return max(c.budget.limit-c.ledger.Total()-c.budget.reserved, 0)
}

// CheckBudget returns the *BudgetError Fetch would return for q if it had
// to send it now, or nil. A request the cache answers passes regardless.
func (c *Client) CheckBudget(q Request) error {
	c.budget.mu.Lock()
	defer c.budget.mu.Unlock()
	return c.overBudgetLocked(q)
}

func (c *Client) overBudgetLocked(q Request) error {
	if c.budget.limit <= 0 || q.Report == nil {
		return nil
	}
	need := q.EstimateCost()
	rem := c.remainingLocked()
	if need <= rem {
		return nil
	}
	e := &BudgetError{Need: need, Remaining: rem, Budget: c.budget.limit}
	if p := q.Report.Price; p.Per == PerLine && q.Report.Paged && p.Units > 0 {
		e.FitRows = int(min(rem/p.Units, int64(q.Count)))
	}
	return e
}

// reserve books q's worst-case cost against the budget until release is
// called (after the spend is in the ledger).
func (c *Client) reserve(q Request) (release func(), err error) {
	c.budget.mu.Lock()
	defer c.budget.mu.Unlock()
	if err := c.overBudgetLocked(q); err != nil {
		return nil, err
	}
	if c.budget.limit <= 0 {
		return func() {}, nil
	}
	need := q.EstimateCost()
	c.budget.reserved += need
	var once sync.Once
	return func() {
		once.Do(func() {
			c.budget.mu.Lock()
			c.budget.reserved -= need
			c.budget.mu.Unlock()
		})
	}, nil
}

// Thousands formats n with comma thousands separators: 15,248,332,274.
// The one formatter of counts for every package that shows units or rows.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
