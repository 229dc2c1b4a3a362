package browsertest

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestChromiumStarts(t *testing.T) {
	ctx := New(t, 60*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	ua, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.userAgent`))
	if err != nil {
		t.Fatal(err)
	}
	if ua == "" {
		t.Fatal("empty user agent")
	}
}
