namespace DealerCrm.Web;

/// <summary>
/// Marker for the one shared resource set (Resources/SharedResource.zh-CN.resx and .en.resx)
/// that holds every user-visible string of the site.
/// </summary>
public sealed class SharedResource;
