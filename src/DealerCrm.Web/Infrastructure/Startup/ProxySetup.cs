using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DealerCrm.Web.Infrastructure.Startup;

/// <summary>
/// Behind a TLS-terminating reverse proxy the site sees plain http from the proxy: it believes
/// the proxy's X-Forwarded-For / X-Forwarded-Proto, but only from the configured proxies
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses, and <c>ForwardedHeaders:KnownNetworks</c>,
/// CIDR ranges). With neither set, only loopback is trusted (a proxy on the same machine).
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddDealerCrmForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o => Configure(o, proxies, networks));
        return services;
    }

    /// <summary>Fills the options; a malformed address stops start-up with the setting's name.</summary>
    public static void Configure(ForwardedHeadersOptions options, IEnumerable<string> proxies, IEnumerable<string> networks)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var configured = false;
        foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (!IPAddress.TryParse(proxy.Trim(), out var address))
            {
                throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address.");
            }

            if (!configured)
            {
                // The configured list replaces the built-in loopback default.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                configured = true;
            }

            options.KnownProxies.Add(address);
        }

        foreach (var network in networks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (!System.Net.IPNetwork.TryParse(network.Trim(), out var range))
            {
                throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/8.");
            }

            if (!configured)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                configured = true;
            }

            options.KnownIPNetworks.Add(range);
        }
    }
}
