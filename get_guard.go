package main

import (
	"errors"
	"fmt"
	"syscall"

	"linkdive/api"
)

// minAllPage is the smallest page --all takes without --yes: smaller pages
// cost the same units per row but multiply the requests (--limit 2 would
// page 340,000 rows in 170,000 requests).
const minAllPage = 100

// guardSpend is get's safety net, checked before anything is sent. Unless
// --yes (or offline, where nothing is sent):
//   - a request whose worst-case cost passes the confirm threshold
//     (--confirm-above, config confirm_above, default 4,000) is refused,
//     unless the cache answers it;
//   - --all needs a budget (--budget or config budget): what the whole
//     report costs is not known up front;
//   - --all with an explicit --limit under 100 rows a page is refused.
func (o getOpts) guardSpend(c *conn, q api.Request, limitSet bool) error {
	if o.yes || c.client.Offline() {
		return nil
	}
	if o.all {
		if limitSet && o.limit < minAllPage {
			return fmt.Errorf("--all with --limit %d sends a request for every %s; use --limit %d or more (the units are per row either way), or add --yes to page by %d anyway",
				o.limit, plural(o.limit, "row"), minAllPage, o.limit)
		}
		if _, _, ok := c.client.Budget(); !ok {
			size := ""
			if q.Report.MaxLines > 0 {
				size = ", up to " + thousands(int64(q.Report.MaxLines)) + " rows"
			}
			return fmt.Errorf("--all pages through the whole report (%s units a row%s) and what that costs is not known up front; add --budget N to cap the units, or --yes to spend what it takes",
				thousands(q.Report.Price.Units), size)
		}
		return nil
	}
	if !o.refresh {
		if _, ok := c.client.Cached(q); ok {
			return nil // free
		}
	}
	limit := o.conn.set.confirmAbove
	if limit <= 0 {
		limit = defaultConfirmAbove
	}
	need := q.EstimateCost()
	if need <= limit {
		return nil
	}
	lower := "or raise --confirm-above"
	if q.Report.Paged && q.Report.Price.Per == api.PerLine {
		lower = "or lower --limit"
	}
	return fmt.Errorf("%s needs up to %s units, over the confirm threshold of %s; add --yes to spend them, %s",
		q.Describe(), thousands(need), thousands(limit), lower)
}

// outputClosed tells a write that failed because the reader went away
// (get ... | head) from a real output error.
func outputClosed(err error) bool {
	return errors.Is(err, syscall.EPIPE)
}
