using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Tests.Staff;

public sealed class ManagersTests
{
    [Theory]
    [InlineData(Roles.CsAgent, new[] { Roles.CsDirector })]
    [InlineData(Roles.Salesperson, new[] { Roles.SalesManager })]
    [InlineData(Roles.SalesManager, new[] { Roles.SalesManager, Roles.GeneralManager })]
    [InlineData(Roles.CsDirector, new[] { Roles.GeneralManager })]
    [InlineData(Roles.ServiceAdvisor, new[] { Roles.GeneralManager })]
    [InlineData(Roles.GeneralManager, new[] { Roles.GeneralManager })]
    public void Overdue_work_is_reported_to_the_manager_of_the_role_it_is_done_in(string workRole, string[] managers)
    {
        Assert.Equal(managers, Managers.Of(workRole));
    }

    [Fact]
    public void Every_role_has_a_manager_and_an_unknown_role_is_refused()
    {
        Assert.All(Roles.All, role => Assert.NotEmpty(Managers.Of(role)));
        Assert.Throws<ArgumentException>(() => Managers.Of("Janitor"));
    }
}
