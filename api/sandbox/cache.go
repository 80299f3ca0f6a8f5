package sandbox

import (
	"container/list"
	"sync"
)

// cache is a small LRU of built sites and profiles, bounded by an estimate
// of their size. Each key is built once even under concurrent requests.
type cache struct {
	mu     sync.Mutex
	m      map[string]*cacheEntry
	lru    list.List
	weight int64
	max    int64
}

type cacheEntry struct {
	key    string
	once   sync.Once
	val    any
	weight int64
	elem   *list.Element
}

func newCache(maxBytes int64) *cache {
	return &cache{m: map[string]*cacheEntry{}, max: maxBytes}
}

// get returns the value for key, building it with build (which returns the
// value and its approximate size in bytes) on a miss.
func (c *cache) get(key string, build func() (any, int64)) any {
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		e = &cacheEntry{key: key}
		c.m[key] = e
		e.elem = c.lru.PushFront(e)
	} else {
		c.lru.MoveToFront(e.elem)
	}
	c.mu.Unlock()
	e.once.Do(func() {
		v, w := build()
		e.val = v
		c.mu.Lock()
		e.weight = w
		if c.m[key] == e {
			c.weight += w
		}
		c.evictLocked()
		c.mu.Unlock()
	})
	return e.val
}

func (c *cache) evictLocked() {
	for c.weight > c.max && c.lru.Len() > 1 {
		back := c.lru.Back()
		e := back.Value.(*cacheEntry)
		if e.weight == 0 { // still being built
			c.lru.MoveToFront(back)
			if c.lru.Back() == back {
				return
			}
			continue
		}
		c.lru.Remove(back)
		delete(c.m, e.key)
		c.weight -= e.weight
	}
}
