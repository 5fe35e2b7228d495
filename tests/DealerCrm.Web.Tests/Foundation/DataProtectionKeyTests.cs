using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DealerCrm.Web.Infrastructure.Startup;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>The site with a data-protection certificate configured (a self-signed one made for the test run).</summary>
public sealed class EncryptedKeysFactory : DealerCrmFactory
{
    private const string Password = "Test#Keys2026";

    private static readonly string CertificatePath = CreateCertificate();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DataProtectionSetup.CertificatePathKey] = CertificatePath,
        [DataProtectionSetup.CertificatePasswordKey] = Password,
    };

    private static string CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DealerCrm data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var folder = Path.Combine(Path.GetTempPath(), "dealercrm-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"data-protection-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}

/// <summary>
/// With a certificate configured, every data-protection key stored in the database is encrypted
/// with it (no master key in clear), and signing in and using the site still work.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task With_a_certificate_every_stored_key_is_encrypted_and_signing_in_still_works()
    {
        using var factory = new EncryptedKeysFactory();
        using var admin = await SiteClient.SignedInAsync(factory, "Admin");
        using (var page = await admin.GetAsync("/Admin/Users"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_in_the_database_not_in_the_data_folder()
    {
        using var factory = new DealerCrmFactory();
        using var admin = await SiteClient.SignedInAsync(factory, "Admin");
        Assert.True(await factory.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")));
    }
}
