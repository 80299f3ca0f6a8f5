package sandbox

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"linkdive/api"
)

// ServeHTTP answers /analytics/v1/ (the reports) and
// /users/countapiunits.html (the units balance); anything else is 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	switch strings.TrimSuffix(r.URL.Path, "/") {
	case "/analytics/v1", "":
		s.serveAnalytics(w, r)
	case "/users/countapiunits.html", "/countapiunits.html":
		s.serveBalance(w, r)
	default:
		http.Error(w, "Not found", http.StatusNotFound)
	}
}

func writeError(w http.ResponseWriter, status int, e *apiErr) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(e.Error())))
	w.WriteHeader(status)
	w.Write([]byte(e.Error()))
}

func (s *Server) serveBalance(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusOK, errMethod)
		return
	}
	key := r.URL.Query().Get("key")
	switch {
	case key == "":
		writeError(w, http.StatusOK, errEmptyKey)
		return
	case !s.acceptKey(key):
		writeError(w, http.StatusOK, errWrongKey)
		return
	}
	body := api.Thousands(s.Balance(key))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write([]byte(body))
}

func (s *Server) serveAnalytics(w http.ResponseWriter, r *http.Request) {
	e := LogEntry{Time: s.opts.Now(), Status: http.StatusOK}
	defer func() { s.record(e) }()
	fail := func(status int, err *apiErr) {
		e.Code, e.Status = err.code, status
		writeError(w, status, err)
	}
	if r.Method != http.MethodGet {
		fail(http.StatusOK, errMethod)
		return
	}
	q := r.URL.Query()
	e.Type = q.Get("type")
	for _, name := range []string{"target", "targets[]", "targets"} {
		e.Targets = append(e.Targets, q[name]...)
	}
	e.Filter = q.Get("display_filter")
	key := q.Get("key")
	switch {
	case key == "":
		fail(http.StatusOK, errEmptyKey)
		return
	case !s.acceptKey(key):
		fail(http.StatusOK, errWrongKey)
		return
	}
	if !s.admit(key) {
		fail(http.StatusTooManyRequests, errTooMany)
		return
	}
	defer s.release(key)
	if d := s.opts.Latency; d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	failNow, is503, truncate, cutAt := s.fault()
	if failNow {
		if is503 {
			e.Code, e.Status = 0, http.StatusServiceUnavailable
			http.Error(w, "503 Service Unavailable", http.StatusServiceUnavailable)
			return
		}
		fail(http.StatusOK, errInternal)
		return
	}
	qr, aerr := parseQuery(q)
	if aerr != nil {
		fail(http.StatusOK, aerr)
		return
	}
	e.Offset, e.Limit = qr.offset, qr.limit
	x := &exec{w: s.w, q: qr, g: newGen(e.Time)}
	ds, aerr := x.run()
	if aerr == nil && ds.n <= qr.offset {
		aerr = errNothingFound
	}
	if aerr != nil {
		fail(http.StatusOK, aerr)
		return
	}
	from, to := qr.offset, ds.n
	if qr.rep.Paged {
		to = min(to, qr.limit)
	}
	price := qr.rep.Price
	paid, units := s.charge(key, price.Per == api.PerLine, price.Units, to-from)
	if paid == 0 {
		status := http.StatusOK
		if s.opts.Status403OnBalance {
			status = http.StatusForbidden
		}
		fail(status, errBalanceZero)
		return
	}
	to = from + paid
	e.Lines, e.Units = paid, units
	cut := -1
	if truncate {
		cut = from + int(cutAt*float64(paid))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	err := writeCSV(r.Context(), w, ds, qr.codes, qr.cols, from, to, qr.escape, cut)
	if errors.Is(err, errTruncated) {
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		panic(http.ErrAbortHandler) // the deferred record and release still run

	}
	if err != nil && !errors.Is(err, context.Canceled) {
		e.Status = 0
	}
}
