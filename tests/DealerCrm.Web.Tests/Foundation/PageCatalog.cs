using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>Every Razor page of the running site, with the policy it declares.</summary>
public sealed record PageInfo(string ViewEnginePath, string Url, string? Policy, bool AllowsAnonymous, bool HasRouteParameters);

public static class PageCatalog
{
    public static IReadOnlyList<PageInfo> Pages(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .Select(g =>
            {
                // Index pages have two routes ("Admin/Users" and "Admin/Users/Index"): take the shorter.
                var endpoint = g.OrderBy(e => e.RoutePattern.RawText!.Length).First();
                var pattern = endpoint.RoutePattern;
                var url = "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1",
                    _ => "",
                })))).TrimEnd('/');
                return new PageInfo(
                    g.Key,
                    url.Length == 0 ? "/" : url,
                    endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    pattern.Parameters.Any(p => !p.IsOptional));
            })
            .OrderBy(p => p.ViewEnginePath)
            .ToList();
}
