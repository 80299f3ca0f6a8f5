// Package sandbox is an offline stand-in for the Semrush Backlinks API. It
// answers the wire protocol of https://api.semrush.com/analytics/v1/ (same
// parameters, CSV shape, errors and unit accounting) from a deterministic
// synthetic link graph, and serves the units balance endpoint
// /users/countapiunits.html on the same host.
//
// Any target works and always gives the same answer for the same day: the
// data are derived from hashes of the normalised target. Referring domains
// come from one shared universe of generated domains, so competitors share
// referring domains, and every total agrees with its detail rows.
//
// It is three things: the embedded default of linkdive when no API key is
// set (through New(...).Transport()), the backend of the client and UI
// tests, and the `linkdive sandbox` server.
//
// Rate limits are on by default (10 requests per second and 10 at once per
// key, as the real API): tests that fire requests faster than that set
// RatePerSecond and MaxInFlight to -1.
package sandbox

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Server.
type Options struct {
	Key                string           // the one accepted key; "" accepts any non-empty key
	Balance            int64            // starting units balance per key (0 means 1,000,000; negative: start empty)
	Latency            time.Duration    // added to every response
	FailRate           float64          // 0..1: share of requests answered by a failure (half HTTP 503, half "ERROR 500 :: Internal Error")
	TruncateRate       float64          // 0..1: share of bodies cut short mid-line (connection closed)
	Status403OnBalance bool             // ERROR 132 with HTTP 403 instead of 200
	Now                func() time.Time // "today" for history/first_seen/last_seen; default time.Now; tests fix it
	RatePerSecond      int              // per key; default 10; <0 disables
	MaxInFlight        int              // per key; default 10; <0 disables
}

// DefaultBalance is the starting balance when Options.Balance is 0.
const DefaultBalance = 1_000_000

// LogEntry is one analytics request the sandbox answered. It never holds
// the API key.
type LogEntry struct {
	Time    time.Time // Options.Now() when the request arrived
	Type    string    // report type as sent
	Targets []string  // targets as sent
	Filter  string    // display_filter as sent (decoded)
	Offset  int       // display_offset
	Limit   int       // display_limit as applied (an END index; 10,000 when absent)
	Lines   int       // data rows sent (0 for errors)
	Units   int64     // units charged
	Code    int       // ERROR code of the answer, 0 for data
	Status  int       // HTTP status
}

// Server is the sandbox: an http.Handler.
type Server struct {
	opts     Options
	w        *world
	clock    func() time.Time // real time, for the rate limiter
	requests atomic.Int64

	mu       sync.Mutex
	accounts map[string]*account
	log      []LogEntry
	faults   *rand.Rand
}

type account struct {
	balance  int64
	spent    int64
	recent   []time.Time // admission times of the last RatePerSecond requests (ring)
	next     int
	inflight int
}

// New returns a sandbox server.
func New(opts Options) *Server {
	switch {
	case opts.Balance == 0:
		opts.Balance = DefaultBalance
	case opts.Balance < 0:
		opts.Balance = 0
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RatePerSecond == 0 {
		opts.RatePerSecond = 10
	}
	if opts.MaxInFlight == 0 {
		opts.MaxInFlight = 10
	}
	return &Server{opts: opts, w: sharedWorld(), clock: time.Now,
		accounts: map[string]*account{},
		faults:   rand.New(rand.NewPCG(0x5a4d, 0xb0c5))}
}

var (
	worldOnce sync.Once
	theWorld  *world
)

// sharedWorld is one cache of built sites for every Server of the process:
// the synthetic web is the same for all of them.
func sharedWorld() *world {
	worldOnce.Do(func() { theWorld = newWorld() })
	return theWorld
}

// acceptKey reports whether key is accepted.
func (s *Server) acceptKey(key string) bool {
	return key != "" && (s.opts.Key == "" || key == s.opts.Key)
}

func (s *Server) account(key string) *account {
	a := s.accounts[key]
	if a == nil {
		a = &account{balance: s.opts.Balance}
		s.accounts[key] = a
	}
	return a
}

// Balance returns the units left for key (the starting balance for a key
// not used yet, 0 for a key the server does not accept).
func (s *Server) Balance(key string) int64 {
	if !s.acceptKey(key) {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.account(key).balance
}

// Spent returns the units key has spent.
func (s *Server) Spent(key string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.accounts[key]; a != nil {
		return a.spent
	}
	return 0
}

// Log returns a copy of every analytics request served, oldest first.
func (s *Server) Log() []LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]LogEntry, len(s.log))
	for i, e := range s.log {
		e.Targets = append([]string(nil), e.Targets...)
		out[i] = e
	}
	return out
}

// Requests returns the number of HTTP requests received, on every path.
func (s *Server) Requests() int { return int(s.requests.Load()) }

// Transport returns an http.RoundTripper that serves requests in process,
// without a socket; the body is streamed through a pipe.
func (s *Server) Transport() http.RoundTripper { return &transport{s: s} }

// admit applies the rate limits of key; it returns false when the request
// must be refused with 429. A true answer must be followed by release.
func (s *Server) admit(key string) bool {
	now := s.clock()
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.account(key)
	if m := s.opts.MaxInFlight; m > 0 && a.inflight >= m {
		return false
	}
	if r := s.opts.RatePerSecond; r > 0 {
		if len(a.recent) < r {
			a.recent = append(a.recent, now)
		} else {
			if now.Sub(a.recent[a.next]) < time.Second {
				return false
			}
			a.recent[a.next] = now
			a.next = (a.next + 1) % r
		}
	}
	a.inflight++
	return true
}

func (s *Server) release(key string) {
	s.mu.Lock()
	s.account(key).inflight--
	s.mu.Unlock()
}

// charge takes the price of up to lines rows: per-line reports pay for as
// many rows as the balance allows; per-request reports pay the flat price
// or nothing. It returns the rows paid and the units taken; 0 rows means
// ERROR 132.
func (s *Server) charge(key string, perLine bool, price int64, lines int) (int, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.account(key)
	if !perLine {
		if a.balance < price {
			return 0, 0
		}
		a.balance -= price
		a.spent += price
		return lines, price
	}
	pay := min(int64(lines), a.balance/price)
	units := pay * price
	a.balance -= units
	a.spent += units
	return int(pay), units
}

func (s *Server) record(e LogEntry) {
	s.mu.Lock()
	s.log = append(s.log, e)
	s.mu.Unlock()
}

// fault draws the failure and truncation dice for one request.
func (s *Server) fault() (fail bool, http503 bool, truncate bool, u float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, b, c, d := s.faults.Float64(), s.faults.Float64(), s.faults.Float64(), s.faults.Float64()
	return a < s.opts.FailRate, b < 0.5, c < s.opts.TruncateRate, d
}
