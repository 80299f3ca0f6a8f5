package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuf is a bytes.Buffer safe for the server goroutine and the test.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestSandboxCommandServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuf
	addrc := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- runSandbox(ctx, []string{"--listen", "127.0.0.1:0", "--key", "s3cret", "--balance", "1000"}, &out, &errOut,
			func(a string) { addrc <- a })
	}()
	var addr string
	select {
	case addr = <-addrc:
	case code := <-done:
		t.Fatalf("exited %d: %s", code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("not listening")
	}
	get := func(path string) string {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	body := get("/analytics/v1/?key=s3cret&type=backlinks_overview&target=example.com&target_type=root_domain&export_columns=ascore,total")
	if !strings.HasPrefix(body, "ascore;total\r\n") {
		t.Errorf("overview: %q", body)
	}
	if got := get("/users/countapiunits.html?key=s3cret"); got != "960" {
		t.Errorf("balance %q, want 960", got)
	}
	if got := get("/analytics/v1/?key=other&type=backlinks_overview&target=example.com&target_type=root_domain"); got != "ERROR 120 :: WRONG KEY - ID PAIR" {
		t.Errorf("wrong key: %q", got)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not shut down")
	}
	o := out.String()
	for _, want := range []string{"http://" + addr + "/analytics/v1/", "LINKDIVE_API_URL=http://" + addr + "/analytics/v1/", "curl '", "served 3 requests"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	if strings.Contains(o, "s3cret") || strings.Contains(errOut.String(), "s3cret") {
		t.Error("the key is printed")
	}
}

func TestSandboxCommandFlags(t *testing.T) {
	for _, args := range [][]string{{"--fail-rate", "2"}, {"--balance", "-5"}, {"extra"}, {"--nope"}} {
		var out, errOut syncBuf
		if code := runSandbox(context.Background(), args, &out, &errOut, nil); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
