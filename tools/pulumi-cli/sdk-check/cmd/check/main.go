// A small program of the generated Go SDK: tests/package/generated-sdks.test.ts copies this module, with the SDK
// that gen-sdk wrote from provider/plugin/schema.json as ./ovhdns, and builds it against
// github.com/pulumi/pulumi/sdk/v3 (pinned by this folder's go.mod and go.sum).
package main

import (
	"example.com/pulumi-ovh-dns/sdk/go/ovhdns"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		www, err := ovhdns.NewZoneRecord(ctx, "www", &ovhdns.ZoneRecordArgs{
			ZoneName:           pulumi.String("example.com"),
			SubDomain:          pulumi.String("www"),
			FieldType:          pulumi.String("A"),
			Target:             pulumi.String("203.0.113.10"),
			Ttl:                pulumi.Float64(3600),
			Adopt:              pulumi.Bool(true),
			WaitUntilPublished: pulumi.Bool(false),
			Owner:              pulumi.String("team-dns"),
		})
		if err != nil {
			return err
		}
		ctx.Export("fqdn", www.Fqdn)
		ctx.Export("recordId", www.RecordId)
		return nil
	})
}
