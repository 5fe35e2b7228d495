namespace DealerCrm.Domain.Settings;

/// <summary>Who the dealership is: printed on letters and shown in the site's header.</summary>
public sealed class DealershipOptions
{
    public const string Section = "Dealership";

    public string Name { get; set; } = "华南之星汽车销售服务有限公司";

    public string ShortName { get; set; } = "华南之星4S店";

    public string Address { get; set; } = "广州市天河区黄埔大道西668号";

    public string ServiceHotline { get; set; } = "020-8888-6666";

    /// <summary>The brand the dealership sells: the default brand of a new vehicle.</summary>
    public string Brand { get; set; } = "丰田";

    /// <summary>IANA id of the dealership's time zone; all days and hours are judged in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Optional letterhead logo (PNG or JPEG), relative to the data folder or absolute.</summary>
    public string? LogoPath { get; set; }
}
