using System.Text.Json;
using System.Text.Json.Serialization;

namespace DealerCrm.Web.Infrastructure.Charts;

/// <summary>
/// One Apache ECharts chart drawn by wwwroot/js/charts.js from its option. The chart is an image
/// to assistive technology: <see cref="Label"/> names it and <see cref="TableId"/> points at the
/// table beside it that carries the same numbers (for screen readers and for print).
/// </summary>
public sealed record ChartModel(string Id, string Label, object Option, string TableId, int Height = 320)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The option as JSON, safe inside a script element (no "&lt;/script&gt;" can close it early).</summary>
    public string OptionJson => JsonSerializer.Serialize(Option, Json).Replace("</", "<\\/", StringComparison.Ordinal);
}
