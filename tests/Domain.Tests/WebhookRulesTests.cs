using System.Net;

namespace Loyalty.Domain.Tests;

/// <summary>Webhooks aim only at public hosts unless the hosting allows private networks; secrets survive a configuration that leaves them out.</summary>
public sealed class WebhookRulesTests
{
    private const string Secret = "0123456789abcdef0123";

    private static ProgramConfig With(params WebhookEndpoint[] webhooks) => TestPrograms.Basic with { Webhooks = [.. webhooks] };

    private static IEnumerable<string> Fields(ProgramConfig config, WebhookNetworks networks = WebhookNetworks.PublicOnly) =>
        ProgramConfigValidator.Validate(config, networks).Select(error => error.Field);

    [Theory]
    [InlineData("https://hooks.example.com/loyalty")]
    [InlineData("http://hooks.example.com:8080/loyalty?tenant=1")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2001:4860:4860::8888]/hook")]
    public void A_public_http_or_https_url_is_accepted(string url) =>
        Assert.Empty(Fields(With(new WebhookEndpoint("crm", url, Secret))));

    [Theory]
    [InlineData("ftp://hooks.example.com/")]
    [InlineData("/relative/hook")]
    [InlineData("https://user:pass@hooks.example.com/")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://127.1.2.3/hook")]
    [InlineData("http://0x7f000001/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://172.31.255.255/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::]/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[ff02::1]/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://LOCALHOST./hook")]
    [InlineData("http://api.localhost/hook")]
    public void A_url_that_is_not_http_or_reaches_inside_is_refused_naming_the_field(string url) =>
        Assert.Equal(["webhooks[0].url"], Fields(With(new WebhookEndpoint("crm", url, Secret))));

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[fd00::1]/hook")]
    public void Private_addresses_pass_where_the_hosting_allows_them(string url) =>
        Assert.Empty(Fields(With(new WebhookEndpoint("crm", url, Secret)), WebhookNetworks.PrivateAllowed));

    [Fact]
    public void Userinfo_and_other_schemes_are_refused_even_where_private_networks_are_allowed()
    {
        Assert.Equal(["webhooks[0].url"], Fields(With(new WebhookEndpoint("crm", "http://a:b@127.0.0.1/", Secret)), WebhookNetworks.PrivateAllowed));
        Assert.Equal(["webhooks[0].url"], Fields(With(new WebhookEndpoint("crm", "file:///etc/passwd", Secret)), WebhookNetworks.PrivateAllowed));
    }

    [Theory]
    [InlineData("172.15.255.255", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.253.0.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("64:ff9b::808:808", false)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("fe80::abcd", true)]
    [InlineData("fec0::1", true)]
    [InlineData("255.255.255.255", true)]
    public void Addresses_are_told_apart_at_their_range_edges(string address, bool inside) =>
        Assert.Equal(inside, InternalAddresses.IsInternal(IPAddress.Parse(address)));

    [Fact]
    public void A_new_webhook_needs_a_secret_and_a_known_one_keeps_the_stored_secret()
    {
        var stored = With(new WebhookEndpoint("crm", "https://crm.example/hook", Secret));
        var incoming = With(
            new WebhookEndpoint("crm", "https://crm.example/v2/hook", SecretSet: true),
            new WebhookEndpoint("erp", "https://erp.example/hook"));

        var kept = WebhookSecrets.KeepStored(incoming, stored);

        Assert.Equal([Secret, null], kept.Webhooks.Select(webhook => webhook.Secret));
        Assert.All(kept.Webhooks, webhook => Assert.Null(webhook.SecretSet));
        Assert.Equal(["webhooks[1].secret"], Fields(kept));
    }

    [Fact]
    public void A_new_secret_replaces_the_stored_one()
    {
        var stored = With(new WebhookEndpoint("crm", "https://crm.example/hook", Secret));
        var kept = WebhookSecrets.KeepStored(With(new WebhookEndpoint("crm", "https://crm.example/hook", "another-secret-0123456")), stored);

        Assert.Equal("another-secret-0123456", Assert.Single(kept.Webhooks).Secret);
    }
}
