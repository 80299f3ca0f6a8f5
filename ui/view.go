package ui

import (
	"fmt"
	"strings"

	"linkdive/api"
	"linkdive/ui/table"
	"linkdive/ui/theme"
)

// reportView is one report shown in the shared table: a tab, or a
// drill-down pushed on a tab. It owns the rows it loaded; coming back to it
// never refetches.
type reportView struct {
	id    int
	rep   *api.Report
	base  api.Request // targets, columns, sort, filter; Offset/Count unused
	label string      // tab title or breadcrumb label
	note  string      // shown above the table (e.g. "root domain example.com")

	data    *api.Table // rows loaded so far; nil before the first page
	tbl     *table.Model
	gen     int  // bumps when the request changes: late pages are dropped
	loading bool // a page is in flight
	waiting bool // a page waits for the user's confirmation
	done    bool // the list ended (or the report is not paged and loaded)
	started bool // first page asked for (tabs fetch nothing before)
	err     error
	spent   int64
	// short: the last page was cut by the balance, so the list may go on.
	short bool
	// localSort and unsorted: a local sort of a fully loaded report
	// (Compare) and the rows in the order the API sent them.
	localSort api.Sort
	unsorted  *api.Table
	// blocked: the budget cannot pay for another page; nothing more is
	// asked until the view is refreshed.
	blocked bool
	// origin is what a drill-down view is about (its filter and target);
	// when the user's own filter no longer holds it, the label says so.
	origin api.Filter
	// fresh: the user refreshed the view; its later pages bypass the cache
	// too, so that it never mixes old and new rows.
	fresh bool
	// paused: the user declined the cost of the next page; nothing more is
	// asked on its own (r asks again).
	paused bool
	// restore is the row to put the cursor back on once a refresh lands.
	restore int
	// total is the number of rows the report holds as a parent row told it
	// (a referring domain's backlinks_num); 0 when unknown.
	total int
}

func newReportView(id int, q api.Request, label string, th *theme.Theme) *reportView {
	v := &reportView{id: id, rep: q.Report, base: q, label: label, tbl: table.New(th)}
	v.base.Offset, v.base.Count = 0, 0
	v.tbl.SetEmptyMessage("")
	v.syncSort()
	return v
}

// loaded is the number of rows held.
func (v *reportView) loaded() int { return v.data.Len() }

// nextRequest is the request for the next page (or the whole report when
// it is not paged).
func (v *reportView) nextRequest(pageSize int) api.Request {
	q := v.base
	if v.rep.Paged {
		q.Offset = v.loaded()
		q.Count = pageSize
		if max := v.rep.MaxLines; max > 0 && q.Offset+q.Count > max {
			q.Count = max - q.Offset
		}
		if left := v.total - q.Offset; v.total > 0 && left > 0 && left < q.Count {
			// The parent row said how many rows there are: ask for those,
			// not for a whole page, so the cost shown is exact.
			q.Count = left
		}
	}
	return q
}

// wantsMore reports whether a page should be fetched now: nothing loaded
// yet, or the cursor near the end of what is loaded.
func (v *reportView) wantsMore(pageSize int) bool {
	// After a failed or declined page nothing is asked on its own: r does.
	if v.loading || v.waiting || v.done || v.blocked || v.paused || v.err != nil {
		return false
	}
	if !v.started || v.loaded() == 0 {
		return true
	}
	if !v.rep.Paged {
		return false
	}
	margin := pageSize / 4
	if margin < 5 {
		margin = 5
	}
	return v.tbl.NearEnd(margin)
}

// accept takes a page. It returns false when the page is stale (another
// generation, or not the rows that follow what is loaded).
func (v *reportView) accept(gen int, q api.Request, res *api.Result, err error) bool {
	if gen != v.gen || !v.loading {
		return false
	}
	if v.rep.Paged && q.Offset != v.loaded() {
		return false
	}
	v.loading = false
	if err != nil {
		v.err = err
		if v.data == nil {
			v.tbl.SetEmptyMessage("no data: " + firstLine(err.Error()))
		}
		return true
	}
	v.err = nil
	v.spent += res.Units
	t := res.Table
	switch {
	case v.data == nil:
		v.data = t
		v.tbl.SetTable(t)
		if v.restore > 0 && t.Len() > 0 {
			v.tbl.SetCursor(min(v.restore, t.Len()-1))
			v.restore = 0
		}
	case t.Len() > 0:
		if aerr := v.data.Append(t); aerr != nil {
			v.err = aerr
			return true
		}
		v.tbl.Refresh()
	}
	v.short = res.BalanceShort
	switch {
	case !v.rep.Paged:
		v.done = true
	case t.NothingFound:
		v.done = true // NOTHING FOUND on a later page: the list ended here
	case t.Len() < q.Count && !res.BalanceShort:
		v.done = true
	case v.total > 0 && v.loaded() >= v.total:
		v.done = true // as many rows as the parent row counted: no paid look for more
	}
	if v.data.Len() == 0 {
		v.tbl.SetEmptyMessage(v.emptyMessage())
	}
	return true
}

func (v *reportView) emptyMessage() string {
	if len(v.base.Filter) > 0 {
		return "nothing found for this filter"
	}
	return "nothing found"
}

// reset drops the rows and starts over with a changed request (sort,
// filter, columns, refresh).
func (v *reportView) reset(q api.Request) {
	if len(v.origin) > 0 && !holdsAll(q.Filter, v.origin) {
		v.label, v.origin = v.rep.Title, nil
	}
	v.base = q
	v.base.Offset, v.base.Count = 0, 0
	v.gen++
	v.data = nil
	v.loading, v.waiting, v.done, v.started, v.short, v.blocked = false, false, false, false, false, false
	v.fresh, v.paused, v.restore = false, false, 0
	v.err = nil
	v.tbl.SetTable(nil)
	v.tbl.SetEmptyMessage("")
	v.syncSort()
}

func (v *reportView) syncSort() {
	s := v.base.Sort
	if s.IsZero() && v.rep.DefaultSort != "" {
		s, _ = api.ParseSort(v.rep.DefaultSort)
	}
	if col, idx := v.rep.SortColumn(s); col != "" {
		code := col
		if idx >= 0 && idx < len(v.base.Targets) {
			code = v.base.Targets[idx].Value
		}
		v.tbl.SetSort(code, s.Desc)
	} else {
		v.tbl.SetSort("", false)
	}
}

// status describes the view's state for the status bar.
func (v *reportView) status() string {
	switch {
	case v.loading && v.loaded() == 0:
		return "loading " + v.rep.Title
	case v.loading:
		return fmt.Sprintf("loading rows %d+", v.loaded()+1)
	case v.short:
		return fmt.Sprintf("%s rows; the balance ran out", thousands(int64(v.loaded())))
	case v.done && v.loaded() == 0:
		return "nothing found"
	case v.done && v.loaded() == 1:
		return "the only row"
	case v.done:
		return fmt.Sprintf("all %s rows", thousands(int64(v.loaded())))
	case v.data != nil:
		return plural(v.loaded(), "row") + " loaded"
	}
	return ""
}

// describeQuery is the line above the table: sort, filter, columns.
func (v *reportView) describeQuery() string {
	var parts []string
	s := v.base.Sort
	if s.IsZero() && v.rep.DefaultSort != "" {
		s, _ = api.ParseSort(v.rep.DefaultSort)
		parts = append(parts, "sort "+v.sortLabel(s)+" (default)")
	} else if !s.IsZero() {
		parts = append(parts, "sort "+v.sortLabel(s))
	}
	if len(v.base.Filter) > 0 {
		parts = append(parts, "filter "+v.base.Filter.String())
	}
	if v.note != "" {
		parts = append(parts, v.note)
	}
	return strings.Join(parts, "  ·  ")
}

func (v *reportView) sortLabel(s api.Sort) string {
	col, idx := v.rep.SortColumn(s)
	title := col
	if c, ok := v.rep.Column(col); ok {
		title = c.Title
	}
	if idx >= 0 && idx < len(v.base.Targets) {
		title += " → " + v.base.Targets[idx].Value
	}
	if s.Desc {
		return title + " ↓"
	}
	return title + " ↑"
}

// cursorRow returns the row under the cursor, or -1.
func (v *reportView) cursorRow() int {
	if v.loaded() == 0 {
		return -1
	}
	return v.tbl.Cursor()
}

// value returns the display text of a column of the cursor row.
func (v *reportView) value(code string) (string, bool) {
	r := v.cursorRow()
	if r < 0 {
		return "", false
	}
	c := v.data.Index(code)
	if c < 0 {
		return "", false
	}
	return v.data.Text(r, c), true
}

// plural is "1 row", "2 rows", "1,000 rows".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return thousands(int64(n)) + " " + word + "s"
}

// holdsAll reports whether every condition of want is in f.
func holdsAll(f, want api.Filter) bool {
	for _, w := range want {
		found := false
		for _, c := range f {
			if c == w {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
