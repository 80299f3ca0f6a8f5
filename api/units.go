package api

import (
	"sync"
	"time"
)

// EstimateCost is the most units the request can cost: per line, the lines
// asked times the price; per request, the flat price.
func (q Request) EstimateCost() int64 {
	p := q.Report.Price
	if p.Per == PerRequest {
		return p.Units
	}
	return int64(q.Lines()) * p.Units
}

// ActualCost is what a response of `lines` data rows cost. An empty result
// (NOTHING FOUND) is charged nothing for per-line reports.
func (q Request) ActualCost(lines int) int64 {
	p := q.Report.Price
	if p.Per == PerRequest {
		return p.Units
	}
	return int64(lines) * p.Units
}

// Spend is one request that cost units.
type Spend struct {
	Time    time.Time
	Report  string // wire type
	Targets []string
	Filter  string
	Offset  int
	Lines   int
	Units   int64
	Cached  bool // answered from the cache: Units is 0
	// Uncertain: the response was cut off mid-body; the API may have
	// charged it, so Units is its worst case (EstimateCost).
	Uncertain bool
}

// Ledger keeps the units spent this session and the last known balance. It
// is safe for concurrent use.
type Ledger struct {
	mu         sync.Mutex
	spends     []Spend
	total      int64
	balance    int64
	hasBalance bool
	onSpend    []func(Spend)
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger { return &Ledger{} }

// OnSpend registers a function called (outside the lock) after each Add.
func (l *Ledger) OnSpend(f func(Spend)) {
	l.mu.Lock()
	l.onSpend = append(l.onSpend, f)
	l.mu.Unlock()
}

// Add records a spend and lowers the known balance by its units.
func (l *Ledger) Add(s Spend) {
	l.mu.Lock()
	l.spends = append(l.spends, s)
	l.total += s.Units
	if l.hasBalance {
		l.balance -= s.Units
		if l.balance < 0 {
			l.balance = 0
		}
	}
	hooks := append([]func(Spend){}, l.onSpend...)
	l.mu.Unlock()
	for _, f := range hooks {
		f(s)
	}
}

// Total is the units spent this session.
func (l *Ledger) Total() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// Spends returns a copy of the session's spends.
func (l *Ledger) Spends() []Spend {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Spend(nil), l.spends...)
}

// SetBalance records the balance read from the balance endpoint.
func (l *Ledger) SetBalance(n int64) {
	l.mu.Lock()
	l.balance, l.hasBalance = n, true
	l.mu.Unlock()
}

// Balance returns the last known balance, and whether one is known.
func (l *Ledger) Balance() (int64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.balance, l.hasBalance
}
