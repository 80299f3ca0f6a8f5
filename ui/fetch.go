package ui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"linkdive/api"
)

// fetchedMsg carries a response to the view that asked for it.
type fetchedMsg struct {
	viewID int
	gen    int
	req    api.Request
	res    *api.Result
	err    error
}

// balanceMsg carries the units balance (free endpoint).
type balanceMsg struct {
	n   int64
	err error
}

// spendAsk is a request waiting for the user to confirm its cost.
type spendAsk struct {
	viewID int
	gen    int
	req    api.Request
	cost   int64
	text   string
	// refresh: the view starts over (a new generation) when confirmed, and
	// the request bypasses the cache.
	refresh bool
	// reqs: several requests asked for as one action (the overview).
	reqs []api.Request
}

// probedMsg says whether the cache can answer a request that would cost
// more than the confirm threshold (the check reads the disk: a command).
type probedMsg struct {
	viewID, gen int
	req         api.Request
	what        string
	cached      bool
}

// fetchCmd runs one request in a command; refresh bypasses the cache.
func (m *Model) fetchCmd(viewID, gen int, q api.Request, refresh bool) tea.Cmd {
	client, ctx := m.opt.Client, m.ctx
	return func() tea.Msg {
		res, err := client.FetchWith(ctx, q, api.FetchOptions{Refresh: refresh})
		if err != nil {
			err = redactedErr{client.Redact(err.Error()), err}
		}
		return fetchedMsg{viewID: viewID, gen: gen, req: q, res: res, err: err}
	}
}

func (m *Model) probeCmd(viewID, gen int, q api.Request, what string) tea.Cmd {
	client := m.opt.Client
	return func() tea.Msg {
		_, ok := client.Cached(q)
		return probedMsg{viewID: viewID, gen: gen, req: q, what: what, cached: ok}
	}
}

func (m *Model) balanceCmd() tea.Cmd {
	client, ctx := m.opt.Client, m.ctx
	return func() tea.Msg {
		n, err := client.Balance(ctx)
		return balanceMsg{n: n, err: err}
	}
}

// redactedErr is an error whose text is known to hold no key, keeping the
// typed cause for errors.As.
type redactedErr struct {
	text  string
	cause error
}

func (e redactedErr) Error() string { return e.text }
func (e redactedErr) Unwrap() error { return e.cause }

// spend is the one gate every request passes. A request over the
// session's budget is not sent (a smaller page that fits is offered). A
// cheap one runs at once. One whose worst case passes the confirm
// threshold first asks the cache (for nothing) and, if the cache cannot
// answer, asks the user. It returns the command to run and whether the
// request is on its way (false: it waits for the user).
func (m *Model) spend(viewID, gen int, q api.Request, what string) (tea.Cmd, bool) {
	if err := m.opt.Client.CheckBudget(q); err != nil {
		var be *api.BudgetError
		if !errors.As(err, &be) {
			m.setStatus(err.Error(), true)
			return nil, false
		}
		if be.FitRows <= 0 || !q.Report.Paged {
			m.setStatus(what+": "+be.Error()+"; nothing sent", true)
			m.blockView(viewID)
			return nil, false
		}
		small := q
		small.Count = be.FitRows
		m.ask = &spendAsk{viewID: viewID, gen: gen, req: small, cost: small.EstimateCost(),
			text: fmt.Sprintf("%s: %s. Fetch %s rows instead, for up to %s units?",
				what, be.Error(), thousands(int64(be.FitRows)), thousands(small.EstimateCost()))}
		m.mode = modeConfirm
		return nil, false
	}
	fresh := false
	if v := m.findView(viewID); v != nil {
		fresh = v.fresh
	}
	if q.EstimateCost() > m.opt.ConfirmAbove {
		if fresh {
			m.ask = &spendAsk{viewID: viewID, gen: gen, req: q, cost: q.EstimateCost(),
				text: fmt.Sprintf("%s will cost up to %s units. Spend them?", what, thousands(q.EstimateCost()))}
			m.mode = modeConfirm
			return nil, false
		}
		return m.probeCmd(viewID, gen, q, what), true
	}
	return m.fetchCmd(viewID, gen, q, fresh), true
}

// onProbed fetches a costly request the cache can answer, or asks.
func (m *Model) onProbed(msg probedMsg) tea.Cmd {
	if msg.cached {
		return m.fetchCmd(msg.viewID, msg.gen, msg.req, false)
	}
	if v := m.findView(msg.viewID); v != nil {
		if v.gen != msg.gen || !v.loading {
			return nil
		}
		v.loading, v.waiting = false, true
	} else if ov := m.overviewByID(msg.viewID); ov != nil {
		if p := ov.part(msg.req.Report); p != nil {
			p.loading = false
		}
	} else {
		return nil
	}
	cost := msg.req.EstimateCost()
	m.ask = &spendAsk{viewID: msg.viewID, gen: msg.gen, req: msg.req, cost: cost,
		text: fmt.Sprintf("%s will cost up to %s units. Spend them?", msg.what, thousands(cost))}
	m.mode = modeConfirm
	return nil
}

// blockView stops a view from asking for more pages (the budget is spent).
func (m *Model) blockView(viewID int) {
	if v := m.findView(viewID); v != nil {
		v.blocked = true
	}
}

// pump asks the current view for its next page when it wants one.
func (m *Model) pump(v *reportView) tea.Cmd {
	if v == nil || !v.wantsMore(m.opt.PageSize) {
		return nil
	}
	q := v.nextRequest(m.opt.PageSize)
	v.started = true
	what := fmt.Sprintf("%s: %s", v.label, pageWords(q))
	cmd, sent := m.spend(v.id, v.gen, q, what)
	if !sent {
		v.waiting = m.ask != nil
		return nil
	}
	v.loading = true
	return tea.Batch(cmd, m.spinner.Tick)
}

// pageWords says which rows a request asks for.
func pageWords(q api.Request) string {
	if !q.Report.Paged {
		return "the report"
	}
	return fmt.Sprintf("rows %s-%s", thousands(int64(q.Offset+1)), thousands(int64(q.Limit())))
}

// nextCost is the cost of the next page of v, for the status bar.
func (m *Model) nextCost(v *reportView) (int64, bool) {
	if v == nil || v.done || v.loading || v.blocked || v.paused || v.err != nil || m.opt.Client.Offline() {
		return 0, false
	}
	return v.nextRequest(m.opt.PageSize).EstimateCost(), true
}

// confirmed runs (yes) or drops (no) the request waiting for confirmation.
func (m *Model) confirmed(yes bool) tea.Cmd {
	a := m.ask
	m.ask = nil
	m.mode = modeNormal
	if a == nil {
		return nil
	}
	v := m.findView(a.viewID)
	if v == nil {
		return m.resolveOther(a, yes)
	}
	if a.refresh {
		if !yes {
			return nil
		}
		cur := v.tbl.Cursor()
		v.reset(v.base)
		v.started, v.loading, v.fresh, v.restore = true, true, true, cur
		m.layout()
		return tea.Batch(m.fetchCmd(v.id, v.gen, a.req, true), m.spinner.Tick)
	}
	v.waiting = false
	if !yes || v.gen != a.gen {
		v.paused = true // until the user asks: r
		m.setStatus(fmt.Sprintf("not fetched: nothing spent; %s asks again", m.keys.Refresh.Help().Key), false)
		if v.loaded() == 0 {
			v.tbl.SetEmptyMessage(fmt.Sprintf("not loaded; press %s to fetch (%s units)", m.keys.Refresh.Help().Key, thousands(a.cost)))
		}
		return nil
	}
	v.loading = true
	m.setStatus("", false)
	return tea.Batch(m.fetchCmd(v.id, v.gen, a.req, v.fresh), m.spinner.Tick)
}

// resolveOther handles confirmations of requests that do not belong to a
// report view (the overview's parts).
func (m *Model) resolveOther(a *spendAsk, yes bool) tea.Cmd {
	ov := m.overviewByID(a.viewID)
	if ov == nil {
		return nil
	}
	if a.refresh {
		if !yes {
			return nil
		}
		ov.refresh()
		return m.startOverview(ov, true)
	}
	if !yes {
		for _, q := range a.reqs {
			ov.declined(q)
		}
		m.setStatus("not fetched: nothing spent", false)
		return nil
	}
	for _, q := range a.reqs {
		if p := ov.part(q.Report); p != nil {
			p.loading = true
		}
	}
	return m.fetchAll(a.viewID, a.gen, a.reqs, false)
}

// newCtx gives each session a context; switching targets cancels the
// requests of the old one.
func newCtx() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}
