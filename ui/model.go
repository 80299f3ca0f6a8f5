package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/api/spendlog"
	"linkdive/ui/clip"
	"linkdive/ui/theme"
)

// mode is the explicit input mode: the focused input gets keys first.
type mode int

const (
	modeNormal mode = iota
	modeSearch
	modePrompt
	modeConfirm
	modeHelp
	modeForm
	modeTargets // the targets editor of Compare / Link gap
	modePick    // a small choice (the target of a link-gap drill-down)
	modeExport  // the export file name
	modeSpend   // the Spend screen
)

// Model is the root model: target, sessions, tabs, status bar; it routes
// messages to the views.
type Model struct {
	opt  Options
	th   *theme.Theme
	keys KeyMap
	w, h int

	ctx    context.Context
	cancel context.CancelFunc

	sess  *session   // current target's tabs; nil before a target is chosen
	prev  []*session // sessions to go back to (esc)
	ids   int
	mode  mode
	ask   *spendAsk // request waiting for confirmation
	quitY bool      // the confirm dialog is about quitting

	prompt  textinput.Model
	history []string
	histSel int

	search     textinput.Model
	detail     bool // detail pane shown
	detailTop  int  // detail pane scroll
	form       formState
	pick       *pickState
	exportIn   textinput.Model
	exportOf   *reportView
	spendSum   *spendlog.Summary
	spendErr   error
	spinner    spinner.Model
	help       help.Model
	status     string
	statusErr  bool
	statusTime time.Time
	balanceErr error

	// What the terminal said about itself: background and colour profile.
	settleSeq int // bumps with every tab cycled to

	// method measures text the way the terminal will: wcwidth until the
	// terminal says it clusters graphemes (mode 2027), as Bubble Tea's
	// renderer does.
	method ansi.Method

	dark, themed bool
	profile      colorprofile.Profile
	hasProfile   bool
}

// retheme builds the theme for what the terminal reported: its background
// (light or dark) and its colour profile (true colour, 256, 16, none);
// NO_COLOR wins.
func (m *Model) retheme() {
	if m.opt.Theme != nil && m.opt.Theme.Plain {
		return // unstyled on purpose (tests, golden frames)
	}
	if m.opt.FixedTheme {
		m.themed, m.dark = true, m.opt.Theme.Dark
	}
	dark := true
	if m.themed {
		dark = m.dark
	}
	p := colorprofile.TrueColor
	if m.hasProfile {
		p = m.profile
	}
	m.applyTheme(theme.ForProfile(dark, p, m.opt.NoColor))
}

// New returns the explorer's root model.
func New(opt Options) *Model {
	opt.defaults()
	m := &Model{opt: opt, th: opt.Theme, keys: opt.Keys, history: opt.History, method: ansi.WcWidth}
	m.ctx, m.cancel = newCtx()
	m.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	m.help = help.New()
	m.prompt = textinput.New()
	m.prompt.Prompt = "target: "
	m.prompt.Placeholder = "example.com, www.example.com or https://example.com/page"
	m.prompt.CharLimit = 2048
	m.search = textinput.New()
	m.search.Prompt = "/"
	m.search.CharLimit = 256
	m.exportIn = textinput.New()
	m.exportIn.Prompt = "file: "
	m.exportIn.CharLimit = 4096
	m.applyTheme(m.th)
	if opt.Target != nil {
		m.sess = m.newSession(*opt.Target)
		m.remember(opt.Target.Value)
	} else {
		m.openPrompt()
	}
	return m
}

func (m *Model) newID() int {
	m.ids++
	return m.ids
}

// Init asks the terminal for its background colour and reads the balance
// (free), and opens the first tab.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.balanceCmd()}
	if m.sess != nil {
		cmds = append(cmds, m.activate())
	} else {
		cmds = append(cmds, textinput.Blink)
	}
	return tea.Batch(cmds...)
}

// Update routes a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.layout()
		return m, m.pump(m.current())
	case tea.BackgroundColorMsg:
		m.dark, m.themed = msg.IsDark(), true
		m.retheme()
		return m, nil
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeUnicodeCore && (msg.Value == ansi.ModeSet || msg.Value == ansi.ModeReset || msg.Value == ansi.ModePermanentlySet) {
			m.method = ansi.GraphemeWidth
			m.eachView(func(v *reportView) { v.tbl.SetWidthMethod(m.method) })
		}
		return m, nil
	case tea.ColorProfileMsg:
		m.profile, m.hasProfile = msg.Profile, true
		m.retheme()
		return m, nil
	case fetchedMsg:
		return m, m.onFetched(msg)
	case probedMsg:
		return m, m.onProbed(msg)
	case overviewProbedMsg:
		return m, m.onOverviewProbed(msg)
	case settledMsg:
		if msg.seq != m.settleSeq || m.mode != modeNormal {
			return m, nil
		}
		return m, m.activate()
	case exportedMsg:
		if msg.err != nil {
			m.setStatus("export failed: "+firstLine(msg.err.Error()), true)
		} else {
			m.setStatus(fmt.Sprintf("exported %s rows to %s (no request made)", thousands(int64(msg.rows)), msg.path), false)
		}
		return m, nil
	case spendReadMsg:
		if msg.err != nil {
			m.spendErr = msg.err
		} else {
			m.spendSum = &msg.sum
		}
		return m, nil
	case balanceMsg:
		if msg.err != nil {
			m.balanceErr = msg.err
		}
		return m, nil
	case clip.DoneMsg:
		m.setStatus(msg.Msg, msg.Err)
		return m, nil
	case spinner.TickMsg:
		if !m.busy() {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	case tea.PasteMsg:
		return m, m.forwardToInputs(msg)
	case tea.MouseMsg:
		if m.opt.Mouse {
			return m, m.onMouse(msg)
		}
		return m, nil
	}
	return m, m.forwardToInputs(msg)
}

// forwardToInputs gives the focused input what is not a key: pastes,
// cursor blinks.
func (m *Model) forwardToInputs(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.mode {
	case modePrompt:
		m.prompt, cmd = m.prompt.Update(msg)
	case modeSearch:
		m.search, cmd = m.search.Update(msg)
		if _, ok := msg.(tea.PasteMsg); ok {
			m.applySearch()
		}
	case modeForm:
		cmd = m.form.update(m, msg)
	case modeTargets:
		cmd = m.targetsKey(msg)
	case modeExport:
		cmd = m.exportKey(msg)
	}
	return cmd
}

// onFetched routes a response to its view; responses for views that are
// gone, or for an older request of the view, are dropped.
func (m *Model) onFetched(msg fetchedMsg) tea.Cmd {
	if msg.res != nil && msg.res.Units > 0 {
		m.balanceErr = nil
	}
	if ov := m.overviewByID(msg.viewID); ov != nil {
		if ov.accept(msg.gen, msg.req, msg.res, msg.err) && msg.err != nil {
			m.showError(msg.req, msg.err)
		} else if msg.res != nil && msg.res.Cached && ov.allCached() {
			m.setStatus("overview: cached, "+api.DescribeAge(msg.res.Age)+": nothing spent (r refreshes)", false)
		}
		return nil
	}
	v := m.findView(msg.viewID)
	if v == nil {
		return nil
	}
	if !v.accept(msg.gen, msg.req, msg.res, msg.err) {
		return nil
	}
	if msg.err != nil {
		m.showError(msg.req, msg.err)
		return nil
	}
	mine := v == m.current()
	switch {
	case msg.res.BalanceShort:
		m.setStatus("the units balance ran out: the page is short, the list may go on", true)
	case msg.res.Cached && mine:
		m.setStatus(fmt.Sprintf("%s: cached, %s: nothing spent (r refreshes)", pageWords(msg.req), api.DescribeAge(msg.res.Age)), false)
	case mine:
		m.setStatus("", false) // what the view says now replaces older news
	}
	if v == m.current() {
		m.layout()
		return m.pump(v)
	}
	return nil
}

// busy reports whether anything is in flight (the spinner runs).
func (m *Model) busy() bool {
	for _, s := range m.sessions() {
		for _, tb := range s.tabs {
			if tb.overview != nil && tb.overview.loading() {
				return true
			}
			for _, v := range tb.stack {
				if v.loading {
					return true
				}
			}
		}
	}
	return false
}

// activeTab is the tab shown, or nil before a target is chosen.
func (m *Model) activeTab() *tab {
	if m.sess == nil {
		return nil
	}
	return m.sess.tabs[m.sess.active]
}

// current is the report view shown, or nil (overview, no target).
func (m *Model) current() *reportView {
	if tb := m.activeTab(); tb != nil {
		return tb.top()
	}
	return nil
}

// sessions lists the current session and those to go back to.
func (m *Model) sessions() []*session {
	if m.sess == nil {
		return m.prev
	}
	return append(append([]*session{}, m.prev...), m.sess)
}

// findView finds a report view by id in any live session (a page may
// arrive for a session the user stepped away from).
func (m *Model) findView(id int) *reportView {
	for _, s := range m.sessions() {
		for _, tb := range s.tabs {
			for _, v := range tb.stack {
				if v.id == id {
					return v
				}
			}
		}
	}
	return nil
}

func (m *Model) overviewByID(id int) *overviewView {
	for _, s := range m.sessions() {
		for _, tb := range s.tabs {
			if tb.overview != nil && tb.overview.id == id {
				return tb.overview
			}
		}
	}
	return nil
}

// activate shows the active tab: the first visit asks for its first page.
func (m *Model) activate() tea.Cmd {
	tb := m.activeTab()
	if tb == nil {
		return nil
	}
	m.detailTop = 0
	if tb.overview != nil {
		return m.startOverview(tb.overview, false)
	}
	if tb.multi != nil && len(tb.stack) == 0 {
		return m.openTargets(tb)
	}
	m.layout()
	return m.pump(tb.top())
}

// switchTab moves to tab i.
func (m *Model) switchTab(i int) tea.Cmd {
	if m.sess == nil || i < 0 || i >= len(m.sess.tabs) {
		return nil
	}
	m.sess.active = i
	m.setStatus("", false)
	return m.activate()
}

// settledMsg: the user stayed on the tab reached by cycling.
type settledMsg struct{ seq int }

// cycleTab moves to tab i with tab / shift+tab or a number key. Passing
// through a tab fetches nothing: its first page is asked for only once the
// user has stayed on it for TabSettle (a click opens at once).
func (m *Model) cycleTab(i int) tea.Cmd {
	if m.sess == nil || i < 0 || i >= len(m.sess.tabs) {
		return nil
	}
	m.sess.active = i
	m.setStatus("", false)
	m.settleSeq++
	seq := m.settleSeq
	m.layout()
	return tea.Tick(m.opt.TabSettle, func(time.Time) tea.Msg { return settledMsg{seq: seq} })
}

// setTarget opens a target: a new session (the current one is kept to go
// back to when push is set).
func (m *Model) setTarget(t api.Target, push bool) tea.Cmd {
	if m.sess != nil && push {
		m.prev = append(m.prev, m.sess)
	} else if m.sess != nil {
		m.cancel()
		m.ctx, m.cancel = newCtx()
		m.prev = nil
	}
	m.sess = m.newSession(t)
	m.remember(t.Value)
	m.mode = modeNormal
	return m.activate()
}

// remember puts a target first in the history and saves it.
func (m *Model) remember(target string) {
	h := []string{target}
	for _, x := range m.history {
		if x != target && len(h) < 20 {
			h = append(h, x)
		}
	}
	m.history = h
	if m.opt.SaveHistory != nil {
		m.opt.SaveHistory(h)
	}
}

func (m *Model) setStatus(s string, isErr bool) {
	m.status, m.statusErr, m.statusTime = s, isErr, m.opt.Now()
}

// statusTTL is how long a message stays in the status line; errors stay
// until the next message.
const statusTTL = 8 * time.Second

// currentStatus is the message to show, if it has not expired.
func (m *Model) currentStatus() (string, bool) {
	if m.status == "" || (!m.statusErr && m.opt.Now().Sub(m.statusTime) > statusTTL) {
		return "", false
	}
	return m.status, m.statusErr
}

func (m *Model) applyTheme(th *theme.Theme) {
	m.th = th
	m.spinner.Style = th.Accent
	for _, in := range []*textinput.Model{&m.prompt, &m.search, &m.exportIn} {
		st := textinput.DefaultStyles(th.Dark)
		st.Focused = textinput.StyleState{Text: th.Muted.UnsetForeground(), Placeholder: th.Muted, Suggestion: th.Muted, Prompt: th.Accent}
		st.Blurred = st.Focused
		st.Cursor.Color = th.Color.Accent
		in.SetStyles(st)
		// Without styling (golden frames, tests) no cursor escape is drawn.
		in.SetVirtualCursor(!th.Plain)
	}
	m.eachView(func(v *reportView) { v.tbl.SetTheme(th) })
}

// eachView calls f for every report view of every live session.
func (m *Model) eachView(f func(*reportView)) {
	for _, s := range m.sessions() {
		for _, tb := range s.tabs {
			for _, v := range tb.stack {
				f(v)
			}
		}
	}
}

// newView makes a report view with the explorer's theme and width method.
func (m *Model) newView(q api.Request, label string) *reportView {
	v := newReportView(m.newID(), q, label, m.th)
	v.tbl.SetWidthMethod(m.method)
	return v
}
