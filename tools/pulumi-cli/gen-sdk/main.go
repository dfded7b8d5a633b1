// Command gen-sdk writes the SDKs of a Pulumi package schema for Go and Python with Pulumi's own code generators
// (github.com/pulumi/pulumi/pkg/v3/codegen/go and codegen/python, at the CLI's pinned version). `pulumi package
// gen-sdk` calls the same generators through the language hosts pulumi-language-go and pulumi-language-python,
// which the Go module proxy does not serve; this calls them directly.
//
// Usage: gen-sdk <schema.json> <out dir>   (writes <out>/go and <out>/python)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
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
	goPkg, err := bind()
	if err != nil {
		return err
	}
	goFiles, err := gogen.GeneratePackage("pulumi-ovh-dns gen-sdk", goPkg, nil)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	pyPkg, err := bind()
	if err != nil {
		return err
	}
	pyFiles, err := pygen.GeneratePackage("pulumi-ovh-dns gen-sdk", pyPkg, nil, noReferences{})
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	for lang, files := range map[string]map[string][]byte{"go": goFiles, "python": pyFiles} {
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
