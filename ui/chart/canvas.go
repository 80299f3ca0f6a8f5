package chart

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cell is one terminal cell of a canvas. Every rune a canvas holds is one
// cell wide (block elements, braille, box drawing, ASCII); text that may be
// wide (names from the caller) never goes through a canvas but through a
// lineWriter.
type cell struct {
	r      rune
	fg, bg uint8
}

// canvas is a grid of cells, row 0 at the top.
type canvas struct {
	w, h  int
	cells []cell
}

func newCanvas(w, h int) *canvas {
	w, h = max(w, 0), max(h, 0)
	c := &canvas{w: w, h: h, cells: make([]cell, w*h)}
	for i := range c.cells {
		c.cells[i].r = ' '
	}
	return c
}

func (c *canvas) in(x, y int) bool { return x >= 0 && y >= 0 && x < c.w && y < c.h }

func (c *canvas) at(x, y int) *cell { return &c.cells[y*c.w+x] }

// set puts r at (x, y) in colour fg; out-of-range writes are dropped.
func (c *canvas) set(x, y int, r rune, fg uint8) {
	if c.in(x, y) {
		c.cells[y*c.w+x] = cell{r: r, fg: fg}
	}
}

// text writes s (one-cell runes only: digits, ASCII, our own labels) from
// (x, y), clipped to the canvas.
func (c *canvas) text(x, y int, s string, fg uint8) {
	for _, r := range s {
		c.set(x, y, r, fg)
		x++
	}
}

// row appends row y to lw.
func (c *canvas) row(lw *lineWriter, y int) {
	cells := c.cells[y*c.w : (y+1)*c.w]
	for i := 0; i < len(cells); {
		j := i
		var sb [64]byte
		buf := sb[:0]
		for j < len(cells) && cells[j].fg == cells[i].fg && cells[j].bg == cells[i].bg {
			buf = appendRune(buf, cells[j].r)
			j++
		}
		lw.paint(string(buf), j-i, cells[i].fg, cells[i].bg)
		i = j
	}
}

func appendRune(b []byte, r rune) []byte {
	if r < 0x80 {
		return append(b, byte(r))
	}
	return append(b, string(r)...)
}

// lineWriter assembles the lines of a chart, each padded or cut to exactly
// w cells.
type lineWriter struct {
	b     strings.Builder
	pal   *palette
	w     int // target width of every line
	used  int // cells written on the current line
	lines int
}

func newLineWriter(w int, pal *palette, capHint int) *lineWriter {
	lw := &lineWriter{pal: pal, w: max(w, 0)}
	lw.b.Grow(capHint)
	return lw
}

// paint appends s, which is cells wide, in colours fg/bg. The caller keeps
// the line within w (write checks for text whose width it does not know).
func (lw *lineWriter) paint(s string, cells int, fg, bg uint8) {
	if s == "" {
		return
	}
	if seq := lw.pal.sgr(fg, bg); seq != "" {
		lw.b.WriteString(seq)
		lw.b.WriteString(s)
		lw.b.WriteString(ansi.ResetStyle)
	} else {
		lw.b.WriteString(s)
	}
	lw.used += cells
}

// write appends text s in colour fg, truncated with tail to the space left
// on the line (s may hold wide characters).
func (lw *lineWriter) write(s string, fg uint8) {
	room := lw.w - lw.used
	if room <= 0 || s == "" {
		return
	}
	w := ansi.StringWidth(s)
	if w > room {
		s = ansi.Truncate(s, room, "…")
		w = ansi.StringWidth(s)
	}
	lw.paint(s, w, fg, cNone)
}

// pad appends n spaces (no colour).
func (lw *lineWriter) pad(n int) {
	if n <= 0 {
		return
	}
	lw.b.WriteString(strings.Repeat(" ", n))
	lw.used += n
}

// end pads the current line to w and starts the next one.
func (lw *lineWriter) end() {
	lw.pad(lw.w - lw.used)
	lw.lines++
	lw.b.WriteByte('\n')
	lw.used = 0
}

// String returns the lines written so far, without the last newline.
func (lw *lineWriter) String() string {
	return strings.TrimSuffix(lw.b.String(), "\n")
}

// blank returns height lines of width spaces, with msg centred (muted) when
// it fits: the answer for "no data" and sizes too small to draw in.
func blank(width, height int, msg string, st Style) string {
	width, height = max(width, 0), max(height, 0)
	lw := newLineWriter(width, newPalette(st, 0), (width+1)*height+32)
	mw := ansi.StringWidth(msg)
	for y := 0; y < height; y++ {
		if y == height/2 && msg != "" && mw <= width {
			lw.pad((width - mw) / 2)
			lw.write(msg, cMuted)
		}
		lw.end()
	}
	return lw.String()
}

func stringWidth(s string) int { return ansi.StringWidth(s) }

// truncate cuts s to at most n cells, ending in "…" when cut.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}
