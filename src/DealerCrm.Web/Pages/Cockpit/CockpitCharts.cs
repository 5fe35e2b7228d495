namespace DealerCrm.Web.Pages.Cockpit;

/// <summary>Pieces of the cockpit's ECharts options that every section draws alike.</summary>
public static class CockpitCharts
{
    /// <summary>A target (or ceiling) as a dashed red line across the chart, labelled at its end.</summary>
    public static object TargetLine(decimal value, string label) => new
    {
        symbol = "none",
        lineStyle = new { type = "dashed", color = "#b02a37" },
        label = new { formatter = label, position = "insideEndTop", color = "#b02a37" },
        data = new[] { new { yAxis = value } },
    };

    /// <summary>A rate in a trend table: one decimal and a percent sign, a dash where nothing was due.</summary>
    public static string Percent(decimal? value) => value is { } v ? $"{v:0.0}%" : "—";
}
