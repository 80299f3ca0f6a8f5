// Command linkdive is a terminal explorer for the Semrush Backlinks API.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches the sub-commands; everything else opens the explorer.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "get":
			return cmdGet(args[1:], stdout, stderr)
		case "balance":
			return cmdBalance(args[1:], stdout, stderr)
		case "sandbox":
			return cmdSandbox(args[1:], stdout, stderr)
		case "spend":
			return cmdSpend(args[1:], stdout, stderr)
		case "config":
			return cmdConfig(args[1:], stdout, stderr)
		case "help", "-h", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	return cmdExplore(args, stdout, stderr)
}

const usage = `linkdive: a terminal explorer for the Semrush Backlinks API

Usage:
  linkdive [TARGET] [flags]        open the explorer
  linkdive get REPORT TARGET...    run one request and print it
  linkdive balance                 print the API units balance
  linkdive sandbox [flags]         run the offline Semrush-compatible server
  linkdive spend                   units spent today and this month, per report and target
  linkdive config                  the config file and every setting in effect
`
