package srvpeer

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The launchers of the real servers that do not run in this process: Node
// ws, python-websockets and nginx. Each starts its server on 127.0.0.1,
// waits for it by a condition (the port it prints, or a successful
// connect), and stops it when the test ends.

// needPeer skips the test when a real peer is missing locally, and fails it
// under CI=true, where every real peer must run.
func needPeer(t testing.TB, what, install string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing (%s); CI must run every real server", what, install)
	}
	t.Skipf("SKIPPED: %s is missing (%s)", what, install)
}

// repoRoot returns the directory that holds go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		dir = filepath.Dir(dir)
	}
	t.Fatal("go.mod not found above the test's directory")
	return ""
}

// startPrinting runs cmd, whose first line on stdout is the port it bound
// on 127.0.0.1, and returns "127.0.0.1:port". The process exits when its
// stdin closes; Cleanup closes stdin, then kills it and waits for it.
func startPrinting(t testing.TB, cmd *exec.Cmd) string {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(stdout).ReadString('\n')
		line <- strings.TrimSpace(s)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case s := <-line:
		port, err := strconv.Atoi(s)
		if err != nil || port <= 0 || port > 65535 {
			t.Fatalf("%s printed %q, not a port; stderr: %s", cmd.Path, s, stderr.String())
		}
		return "127.0.0.1:" + s
	case <-time.After(20 * time.Second): // a safety net for a hang only
		t.Fatalf("%s did not print its port; stderr: %s", cmd.Path, stderr.String())
	}
	return ""
}

// startWS starts Node ws's standalone server, new WebSocketServer({port}),
// with testdata/ws-server.js. args: "pmd" for perMessageDeflate: true, and
// a comma-separated list of protocols for a handleProtocols that prefers
// them in that order.
func startWS(t testing.TB, args ...string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		needPeer(t, "node", "Node.js 20")
	}
	mod := filepath.Join(repoRoot(t), "engine", "peers", "node_modules", "ws")
	if _, err := os.Stat(filepath.Join(mod, "package.json")); err != nil {
		needPeer(t, "Node ws", "npm ci --prefix engine/peers")
	}
	return startPrinting(t, exec.Command(node, append([]string{"testdata/ws-server.js", mod}, args...)...))
}

// debianPython is Debian's python, which has python3-websockets (the python3
// on PATH may be another one).
const debianPython = "/usr/bin/python3"

// startWebsockets starts python-websockets' serve() with
// testdata/websockets-server.py. args: "nopmd" for compression=None, and a
// comma-separated list for subprotocols.
func startWebsockets(t testing.TB, args ...string) string {
	t.Helper()
	if err := exec.Command(debianPython, "-c", "import websockets").Run(); err != nil {
		needPeer(t, "python-websockets", "apt-get install python3-websockets")
	}
	cmd := exec.Command(debianPython, append([]string{"testdata/websockets-server.py"}, args...)...)
	// select_subprotocol breaks a tie between two protocols by the order
	// of a Python set, which follows the hash seed; seed 0 puts chat
	// before superchat, the server's order, which the profile uses.
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
	return startPrinting(t, cmd)
}

const nginxPath = "/usr/sbin/nginx"

// startNginx starts Debian's nginx with testdata/nginx.conf.tmpl, the usual
// WebSocket recipe, in front of backend ("127.0.0.1:port"), and returns its
// address. Every file nginx writes lies in a temporary directory.
func startNginx(t testing.TB, backend string) string {
	t.Helper()
	if _, err := os.Stat(nginxPath); err != nil {
		needPeer(t, "nginx", "apt-get install nginx-light")
	}
	dir := t.TempDir()
	tmpl, err := os.ReadFile("testdata/nginx.conf.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	// A port that was free a moment ago; nginx binds it in its turn.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	listen := ln.Addr().String()
	ln.Close()
	conf := strings.NewReplacer("{{.Dir}}", dir, "{{.Listen}}", listen, "{{.Backend}}", backend).Replace(string(tmpl))
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginxPath, "-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-g", "daemon off;")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		// SIGTERM: the master stops its worker first (a SIGKILL would
		// leave the worker running), then exits.
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second): // a safety net for a hang only
			cmd.Process.Kill()
			<-exited
		}
	})
	// Ready when a connection succeeds; a connect refused while nginx
	// starts is retried, an exit is an error.
	deadline := time.Now().Add(20 * time.Second) // a safety net for a hang only
	for {
		c, err := net.DialTimeout("tcp", listen, time.Second)
		if err == nil {
			c.Close()
			return listen
		}
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("nginx exited: %v; stderr: %s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx never accepted a connection on %s; stderr: %s", listen, stderr.String())
		}
	}
}
