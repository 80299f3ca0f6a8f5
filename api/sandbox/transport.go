package sandbox

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
)

// transport serves requests in process: the handler runs in a goroutine
// and writes into a pipe that is the response body, so a large body is
// streamed, never buffered whole.
type transport struct{ s *Server }

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		req.Body.Close()
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	rw := &pipeResponse{header: http.Header{}, pw: pw, ready: make(chan struct{})}
	go func() {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					pw.CloseWithError(io.ErrUnexpectedEOF)
				} else {
					pw.CloseWithError(fmt.Errorf("sandbox: handler panic: %v", v))
				}
			} else if err := req.Context().Err(); err != nil {
				pw.CloseWithError(err) // a body cut by cancellation must not end in a clean EOF
			} else {
				pw.Close()
			}
			rw.WriteHeader(http.StatusOK) // no-op when already written
		}()
		t.s.ServeHTTP(rw, req)
	}()
	select {
	case <-rw.ready:
	case <-req.Context().Done():
		pr.CloseWithError(req.Context().Err())
		return nil, req.Context().Err()
	}
	// Cancelling the request ends the body with the context's error; the
	// handler's next write then fails and it stops.
	stop := context.AfterFunc(req.Context(), func() { pw.CloseWithError(req.Context().Err()) })
	body := &pipeBody{pr: pr, stop: stop}
	resp := &http.Response{
		Status:        strconv.Itoa(rw.status) + " " + http.StatusText(rw.status),
		StatusCode:    rw.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rw.sent,
		Body:          body,
		ContentLength: -1,
		Request:       req,
	}
	if cl := rw.sent.Get("Content-Length"); cl != "" {
		if n, err := strconv.ParseInt(cl, 10, 64); err == nil {
			resp.ContentLength = n
		}
	}
	if req.Method == http.MethodHead {
		pr.Close()
		resp.Body = http.NoBody
	}
	return resp, nil
}

// pipeResponse is the http.ResponseWriter of the in-process transport.
type pipeResponse struct {
	header http.Header
	sent   http.Header
	status int
	pw     *io.PipeWriter
	once   sync.Once
	ready  chan struct{}
}

func (w *pipeResponse) Header() http.Header { return w.header }

func (w *pipeResponse) WriteHeader(code int) {
	w.once.Do(func() {
		w.status = code
		w.sent = w.header.Clone()
		close(w.ready)
	})
}

func (w *pipeResponse) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.pw.Write(b)
}

// Flush is a no-op: every Write reaches the reader at once.
func (w *pipeResponse) Flush() {}

type pipeBody struct {
	pr   *io.PipeReader
	stop func() bool
}

func (b *pipeBody) Read(p []byte) (int, error) { return b.pr.Read(p) }

func (b *pipeBody) Close() error {
	b.stop()
	return b.pr.CloseWithError(errBodyClosed)
}

var errBodyClosed = fmt.Errorf("sandbox: response body closed")
