package main

import (
	"fmt"

	"charm.land/bubbles/v2/key"

	"linkdive/ui"
	"linkdive/ui/form"
)

// keyMap is every key binding of the explorer, in one place: the explorer
// reacts to these and its help screen (?) is generated from them.
// overrides maps a binding name (as in the config file's [keys] table, e.g.
// "copy") to the keys that replace its defaults.
func keyMap(overrides map[string][]string) ui.KeyMap {
	b := func(name, help string, keys ...string) key.Binding {
		if o, ok := overrides[name]; ok && len(o) > 0 {
			keys = o
		}
		label := keys[0]
		if len(keys) > 1 && len(label) > 1 && len(keys[1]) == 1 {
			label = keys[1] + "/" + keys[0]
		}
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, help))
	}
	return ui.KeyMap{
		Up:       b("up", "up", "up", "k"),
		Down:     b("down", "down", "down", "j"),
		PageUp:   b("page_up", "page up", "pgup", "ctrl+b"),
		PageDown: b("page_down", "page down", "pgdown", "ctrl+f"),
		Top:      b("top", "first row", "g", "home"),
		Bottom:   b("bottom", "last loaded row", "G", "end"),
		Left:     b("left", "scroll columns left", "left", "h"),
		Right:    b("right", "scroll columns right", "right", "l"),

		NextTab:   b("next_tab", "next tab", "tab"),
		PrevTab:   b("prev_tab", "previous tab", "shift+tab"),
		TabNumber: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to tab")),

		Enter:      b("enter", "drill down / details", "enter"),
		Back:       b("back", "back", "esc"),
		Detail:     b("detail", "detail pane", "d"),
		DetailUp:   b("detail_up", "scroll details up", "ctrl+u"),
		DetailDown: b("detail_down", "scroll details down", "ctrl+d"),
		Sort:       b("sort", "sort (server)", "s"),
		Filter:     b("filter", "filter (server)", "f"),
		Search:     b("search", "search loaded rows", "/"),
		NextMatch:  b("next_match", "next match", "n"),
		PrevMatch:  b("prev_match", "previous match", "N"),
		Columns:    b("columns", "choose columns", "c"),
		Copy:       b("copy", "copy URL/domain", "y"),
		CopyRow:    b("copy_row", "copy row", "Y"),
		Open:       b("open", "open in browser", "o"),
		Target:     b("target", "switch target", "t"),
		Refresh:    b("refresh", "refresh (costs units)", "r"),
		Export:     b("export", "export loaded rows", "e"),
		Spend:      b("spend", "units spent", "$"),
		AddCompare: b("add_compare", "add to Compare · edit targets", "a"),
		AddLinkGap: b("add_linkgap", "add to Link gap", "A"),
		Help:       b("help", "help", "?"),
		Quit:       b("quit", "quit", "q"),
		ForceQuit:  b("force_quit", "quit from anywhere", "ctrl+c"),

		Submit: b("submit", "ok", "enter"),
		Cancel: b("cancel", "cancel", "esc"),
		Yes:    b("yes", "yes, spend", "y"),
		No:     b("no", "no", "n"),

		Form: form.KeyMap{
			Up:       b("form_up", "up", "up", "k"),
			Down:     b("form_down", "down", "down", "j"),
			Left:     b("form_left", "previous choice", "left", "h"),
			Right:    b("form_right", "next choice", "right", "l"),
			Next:     b("form_next", "next field", "tab"),
			Prev:     b("form_prev", "previous field", "shift+tab"),
			Toggle:   b("form_toggle", "toggle", "space"),
			Apply:    b("form_apply", "apply", "enter"),
			Cancel:   b("form_cancel", "cancel", "esc"),
			Add:      b("form_add", "add filter", "ctrl+n", "a"),
			Remove:   b("form_remove", "remove filter", "delete", "d"),
			MoveUp:   b("form_move_up", "move column up", "shift+up", "K"),
			MoveDown: b("form_move_down", "move column down", "shift+down", "J"),
			Reset:    b("form_reset", "default columns", "r"),
			Preset:   b("form_preset", "next preset", "ctrl+p", "p"),
		},
	}
}

// keyConflicts lists the keys that two bindings of one mode share (after
// the config's overrides): a key must mean one thing where it is pressed.
func keyConflicts(k ui.KeyMap) []string {
	modes := [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Left, k.Right, k.NextTab, k.PrevTab,
			k.TabNumber, k.Enter, k.Back, k.Detail, k.DetailUp, k.DetailDown, k.Sort, k.Filter, k.Search,
			k.NextMatch, k.PrevMatch, k.Columns, k.Copy, k.CopyRow, k.Open, k.Target, k.Refresh, k.Export,
			k.Spend, k.AddCompare, k.AddLinkGap, k.Help, k.Quit, k.ForceQuit},
		{k.Yes, k.No, k.Submit, k.Cancel},
		{k.Form.Up, k.Form.Down, k.Form.Left, k.Form.Right, k.Form.Next, k.Form.Prev, k.Form.Toggle,
			k.Form.Apply, k.Form.Cancel, k.Form.Add, k.Form.Remove, k.Form.MoveUp, k.Form.MoveDown,
			k.Form.Reset, k.Form.Preset},
	}
	var out []string
	for _, bs := range modes {
		seen := map[string]string{}
		for _, b := range bs {
			for _, kk := range b.Keys() {
				if other, dup := seen[kk]; dup && other != b.Help().Desc {
					out = append(out, fmt.Sprintf("%s is bound to both %q and %q", kk, other, b.Help().Desc))
				}
				seen[kk] = b.Help().Desc
			}
		}
	}
	return out
}
