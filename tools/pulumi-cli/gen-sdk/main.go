// Command gen-sdk writes the SDKs of a Pulumi package schema for Go, Python, .NET and Node.js with Pulumi's own
// code generators: github.com/pulumi/pulumi/pkg/v3/codegen/go, codegen/python and codegen/nodejs at the CLI's
// pinned version, and the .NET one of the .NET language host (github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet,
// codegen, at the version Pulumi's release script bundled with the CLI of that time). `pulumi package gen-sdk`
// calls the same generators through the language hosts pulumi-language-go, -python, -dotnet and -nodejs; the Go
// module proxy does not serve the Go and Python ones, and building the .NET host would cost CI minutes for a
// generator it calls in one line, so this calls them directly.
//
// Usage: gen-sdk <schema.json> <out dir>   (writes <out>/go, <out>/python, <out>/dotnet and <out>/nodejs)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	dotnetgen "github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet/v3/codegen"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"github.com/blang/semver"
)

// noReferences loads no other package: the schema refers to none, and a reference is an error that names it.
type noReferences struct{}

func refused(name string) error {
	return fmt.Errorf("the schema refers to package %q; this generator loads no other package", name)
}

func (noReferences) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, refused(pkg)
}

func (noReferences) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refused(d.Name)
}

func (noReferences) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, refused(pkg)
}

func (noReferences) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, refused(d.Name)
}

// offline answers every HTTP request with an empty 404 and remembers the URL: the .NET generator downloads the
// package's logo (the schema's logoUrl, else Pulumi's) for logo.png, and this tool runs without a network.
type offline struct{ asked []string }

func (o *offline) RoundTrip(req *http.Request) (*http.Response, error) {
	o.asked = append(o.asked, req.URL.String())
	return &http.Response{StatusCode: http.StatusNotFound, Status: "404 not fetched: gen-sdk runs offline",
		Body: io.NopCloser(strings.NewReader("")), Header: http.Header{}, Request: req}, nil
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen-sdk <schema.json> <out dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "gen-sdk: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	bind := func() (*schema.Package, error) {
		pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
		if err != nil {
			return nil, err
		}
		if diags.HasErrors() {
			return nil, fmt.Errorf("%s: %s", schemaPath, diags.Error())
		}
		return pkg, nil
	}
	const tool = "pulumi-ovh-dns gen-sdk"
	// Each generator gets a package bound of its own: a generator may annotate the package it is given.
	generators := map[string]func(*schema.Package) (map[string][]byte, error){
		"go": func(p *schema.Package) (map[string][]byte, error) { return gogen.GeneratePackage(tool, p, nil) },
		"python": func(p *schema.Package) (map[string][]byte, error) {
			return pygen.GeneratePackage(tool, p, nil, noReferences{})
		},
		"dotnet": func(p *schema.Package) (map[string][]byte, error) {
			return dotnetgen.GeneratePackage(tool, p, nil, nil)
		},
		"nodejs": func(p *schema.Package) (map[string][]byte, error) {
			return nodejsgen.GeneratePackage(tool, p, nil, nil, false, noReferences{})
		},
	}
	network := &offline{}
	http.DefaultTransport = network
	generated := map[string]map[string][]byte{}
	for lang, generate := range generators {
		pkg, err := bind()
		if err != nil {
			return err
		}
		files, err := generate(pkg)
		if err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		generated[lang] = files
	}
	for _, url := range network.asked {
		fmt.Fprintf(os.Stderr, "gen-sdk: not fetched (no network): %s\n", url)
	}
	for lang, files := range generated {
		for name, content := range files {
			path := filepath.Join(out, lang, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
