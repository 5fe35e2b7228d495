using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>A customer to create from one or more rows (rows sharing a mobile are one customer with several vehicles).</summary>
public sealed record PlannedCustomer(
    int Line,
    CustomerKind Kind,
    string Name,
    Gender Gender,
    string Mobile,
    IReadOnlyList<string> OtherPhones,
    DateOnly? Birthday,
    string? Address,
    string? Occupation,
    string? ContactPerson,
    SourceChannel Source,
    IReadOnlyList<PlannedVehicle> Vehicles);

public sealed record PlannedVehicle(string Vin, VehicleDetails Details);

/// <summary>A row as the preview shows it: what it holds and what is wrong with it, in the user's language.</summary>
public sealed record RowReport(int Line, string Name, string MaskedMobile, string? Vin, IReadOnlyList<string> Problems);

public sealed record ImportPlan(IReadOnlyList<PlannedCustomer> Customers, IReadOnlyList<RowReport> Rows)
{
    public int ValidRows => Rows.Count(r => r.Problems.Count == 0);

    public int RowsWithProblems => Rows.Count - ValidRows;

    public int VehicleCount => Customers.Sum(c => c.Vehicles.Count);
}

/// <summary>
/// Checks every row of an import against the file's rules and against what is already on file,
/// and says, per row and in the user's language, what is wrong. Rows without a problem become
/// the plan; a row with any problem is left out (and reported), never half-imported.
/// </summary>
public sealed class ImportPlanner(DealerCrmDbContext db, IStringLocalizer<SharedResource> l)
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public async Task<ImportPlan> PlanAsync(IReadOnlyList<ImportRow> rows, DateOnly today, string defaultBrand, CancellationToken cancellationToken)
    {
        var parsed = rows.Select(r => Parse(r, today, defaultBrand)).ToList();
        await CheckAgainstFileAsync(parsed, cancellationToken);
        CheckWithinFile(parsed);

        var customers = parsed.Where(p => p.Problems.Count == 0)
            .GroupBy(p => p.Mobile)
            .Select(g => g.First().ToCustomer(g.Where(p => p.Vehicle is not null).Select(p => p.Vehicle!).ToList()))
            .ToList();
        var reports = parsed.Select(p => new RowReport(p.Row.Line, p.Name, PhoneMask.Mask(p.Mobile), p.Vehicle?.Vin ?? NullIfEmpty(p.Row[ImportColumn.Vin]), p.Problems)).ToList();
        return new ImportPlan(customers, reports);
    }

    private ParsedRow Parse(ImportRow row, DateOnly today, string defaultBrand)
    {
        var p = new ParsedRow(row);
        p.Kind = row[ImportColumn.Kind] switch
        {
            "" or "个人" or "PERSON" or "Person" => CustomerKind.Person,
            "公司" or "企业" or "COMPANY" or "Company" => CustomerKind.Company,
            var other => p.Problem(l["Import.KindUnknown", other], CustomerKind.Person),
        };
        p.Name = row[ImportColumn.Name];
        if (p.Name.Length == 0)
        {
            p.Problem(l["Import.NameMissing"]);
        }
        else if (p.Name.Length > 100)
        {
            p.Problem(l["Import.NameTooLong"]);
        }

        p.Gender = row[ImportColumn.Gender] switch
        {
            "" => Gender.Unknown,
            "男" or "M" or "Male" or "男性" => Gender.Male,
            "女" or "F" or "Female" or "女性" => Gender.Female,
            var other => p.Problem(l["Import.GenderUnknown", other], Gender.Unknown),
        };

        p.Mobile = ChineseMobile.Normalize(row[ImportColumn.Mobile]);
        if (row[ImportColumn.Mobile].Length == 0)
        {
            p.Problem(l["Import.MobileMissing"]);
        }
        else if (!ChineseMobile.IsValid(p.Mobile))
        {
            p.Problem(l["Import.MobileInvalid", PhoneMask.Mask(row[ImportColumn.Mobile])]);
        }

        p.OtherPhones = CustomerRules.SplitPhones(row[ImportColumn.OtherPhones]);
        foreach (var phone in p.OtherPhones.Where(n => !PhoneNumber.IsValid(n)))
        {
            p.Problem(l["Import.PhoneInvalid", PhoneMask.Mask(phone)]);
        }

        p.Birthday = Date(p, row[ImportColumn.Birthday], l["Field.Birthday"], PlausibleDates.EarliestBirthday);
        if (p.Birthday > today)
        {
            p.Problem(l["Import.BirthdayFuture"]);
        }

        p.Address = NullIfEmpty(row[ImportColumn.Address]);
        p.Occupation = NullIfEmpty(row[ImportColumn.Occupation]);
        p.ContactPerson = NullIfEmpty(row[ImportColumn.ContactPerson]);
        if (p.Kind == CustomerKind.Company && p.ContactPerson is null)
        {
            p.Problem(l["Customers.ContactPersonRequired"]);
        }

        var source = row[ImportColumn.Source];
        p.Source = source.Length == 0 ? SourceChannel.Unknown
            : Enum.GetValues<SourceChannel>().Where(s => l.Label(s) == source || s.ToString().Equals(source, StringComparison.OrdinalIgnoreCase))
                .Select(s => (SourceChannel?)s).FirstOrDefault() ?? p.Problem(l["Import.SourceUnknown", source], SourceChannel.Other);

        ParseVehicle(p, row, defaultBrand);
        return p;
    }

    private void ParseVehicle(ParsedRow p, ImportRow row, string defaultBrand)
    {
        var vin = Vin.Normalize(row[ImportColumn.Vin]);
        var hasVehicleData = new[] { ImportColumn.Plate, ImportColumn.Model, ImportColumn.Color, ImportColumn.WarrantyExpiry, ImportColumn.InsuranceExpiry }
            .Any(c => row[c].Length > 0);
        if (vin.Length == 0)
        {
            if (hasVehicleData)
            {
                p.Problem(l["Import.VinMissing"]);
            }

            return;
        }

        if (!Vin.HasValidCharacters(vin))
        {
            p.Problem(l["Import.VinFormat", vin]);
        }
        else if (!Vin.IsValid(vin))
        {
            p.Problem(l["Import.VinCheckDigit", vin]);
        }

        var plate = row[ImportColumn.Plate].Length == 0 ? null : PlateNumber.Normalize(row[ImportColumn.Plate]);
        if (plate is not null && !PlateNumber.IsValid(plate))
        {
            p.Problem(l["Import.PlateInvalid", plate]);
        }

        var model = row[ImportColumn.Model];
        if (model.Length == 0)
        {
            p.Problem(l["Import.ModelMissing"]);
        }

        var brand = row[ImportColumn.Brand] is { Length: > 0 } b ? b : defaultBrand;
        var warranty = Date(p, row[ImportColumn.WarrantyExpiry], l["Field.WarrantyExpiry"], PlausibleDates.EarliestVehicleDate);
        var insurance = Date(p, row[ImportColumn.InsuranceExpiry], l["Field.InsuranceExpiry"], PlausibleDates.EarliestVehicleDate);
        p.Vehicle = new PlannedVehicle(vin, new VehicleDetails(plate, brand, model, NullIfEmpty(row[ImportColumn.Color]),
            plate is null ? RegistrationStatus.NotRegistered : RegistrationStatus.Registered, insurance, warranty, null, null));
    }

    /// <summary>A date from the sheet, refused (with the row's message) outside <paramref name="earliest"/>…<see cref="PlausibleDates.Latest"/>.</summary>
    private DateOnly? Date(ParsedRow p, string text, string field, DateOnly earliest)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date >= earliest && date <= PlausibleDates.Latest)
            {
                return date;
            }

            p.Problem(l["Import.DateOutOfRange", field, text, earliest.Year, PlausibleDates.Latest.Year]);
            return null;
        }

        p.Problem(l["Import.DateInvalid", field, text]);
        return null;
    }

    /// <summary>Mobiles, VINs and plates already on file are refused, with the file that holds them.</summary>
    private async Task CheckAgainstFileAsync(List<ParsedRow> rows, CancellationToken cancellationToken)
    {
        var mobiles = rows.Select(r => r.Mobile).Where(m => m.Length > 0).Distinct().ToList();
        var vins = rows.Where(r => r.Vehicle is not null).Select(r => r.Vehicle!.Vin).Distinct().ToList();
        var plates = rows.Where(r => r.Vehicle?.Details.Plate is not null).Select(r => r.Vehicle!.Details.Plate!).Distinct().ToList();

        var mobileOwners = new Dictionary<string, string>();
        foreach (var chunk in mobiles.Chunk(500))
        {
            foreach (var hit in await db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null && c.Mobile != null && chunk.Contains(c.Mobile))
                         .Select(c => new { c.Mobile, c.Number }).ToListAsync(cancellationToken))
            {
                mobileOwners.TryAdd(hit.Mobile!, hit.Number);
            }
        }

        var vinOwners = new Dictionary<string, string>();
        var plateOwners = new Dictionary<string, string>();
        foreach (var chunk in vins.Chunk(500))
        {
            foreach (var hit in await db.Vehicles.AsNoTracking().Where(v => chunk.Contains(v.Vin))
                         .Join(db.Customers, v => v.CustomerId, c => c.Id, (v, c) => new { v.Vin, c.Number }).ToListAsync(cancellationToken))
            {
                vinOwners.TryAdd(hit.Vin, hit.Number);
            }
        }

        foreach (var chunk in plates.Chunk(500))
        {
            foreach (var hit in await db.Vehicles.AsNoTracking().Where(v => v.Plate != null && chunk.Contains(v.Plate))
                         .Join(db.Customers, v => v.CustomerId, c => c.Id, (v, c) => new { v.Plate, c.Number }).ToListAsync(cancellationToken))
            {
                plateOwners.TryAdd(hit.Plate!, hit.Number);
            }
        }

        foreach (var row in rows)
        {
            if (mobileOwners.TryGetValue(row.Mobile, out var number))
            {
                row.Problem(l["Import.MobileOnFile", number]);
            }

            if (row.Vehicle is { } v && vinOwners.TryGetValue(v.Vin, out var vinFile))
            {
                row.Problem(l["Import.VinOnFile", vinFile]);
            }

            if (row.Vehicle?.Details.Plate is { } plate && plateOwners.TryGetValue(plate, out var plateFile))
            {
                row.Problem(l["Import.PlateOnFile", plateFile]);
            }
        }
    }

    /// <summary>Within the file: a VIN or plate twice, or one mobile under two different names.</summary>
    private void CheckWithinFile(List<ParsedRow> rows)
    {
        foreach (var group in rows.Where(r => r.Vehicle is not null).GroupBy(r => r.Vehicle!.Vin).Where(g => g.Count() > 1))
        {
            foreach (var row in group.Skip(1))
            {
                row.Problem(l["Import.VinRepeated", group.First().Row.Line]);
            }
        }

        foreach (var group in rows.Where(r => r.Vehicle?.Details.Plate is not null).GroupBy(r => r.Vehicle!.Details.Plate!).Where(g => g.Count() > 1))
        {
            foreach (var row in group.Skip(1))
            {
                row.Problem(l["Import.PlateRepeated", group.First().Row.Line]);
            }
        }

        foreach (var group in rows.Where(r => r.Mobile.Length > 0).GroupBy(r => r.Mobile))
        {
            var first = group.First();
            foreach (var row in group.Skip(1).Where(r => r.Name != first.Name))
            {
                row.Problem(l["Import.MobileOtherName", first.Row.Line, first.Name]);
            }

            // A customer comes in whole or not at all: if any of its rows is wrong, all wait.
            if (group.Any(r => r.Problems.Count > 0))
            {
                foreach (var row in group.Where(r => r.Problems.Count == 0))
                {
                    row.Problem(l["Import.SiblingRowWrong", group.First(r => r.Problems.Count > 0).Row.Line]);
                }
            }
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed class ParsedRow(ImportRow row)
    {
        public ImportRow Row { get; } = row;

        public List<string> Problems { get; } = [];

        public CustomerKind Kind { get; set; }

        public string Name { get; set; } = "";

        public Gender Gender { get; set; }

        public string Mobile { get; set; } = "";

        public IReadOnlyList<string> OtherPhones { get; set; } = [];

        public DateOnly? Birthday { get; set; }

        public string? Address { get; set; }

        public string? Occupation { get; set; }

        public string? ContactPerson { get; set; }

        public SourceChannel Source { get; set; }

        public PlannedVehicle? Vehicle { get; set; }

        public void Problem(string message) => Problems.Add(message);

        public T Problem<T>(string message, T fallback)
        {
            Problems.Add(message);
            return fallback;
        }

        public PlannedCustomer ToCustomer(IReadOnlyList<PlannedVehicle> vehicles) =>
            new(Row.Line, Kind, Name, Gender, Mobile, OtherPhones, Birthday, Address, Occupation, ContactPerson, Source, vehicles);
    }
}
