using KneeRehab.Web.Accounts;
using KneeRehab.Web.Data;

namespace KneeRehab.Tests.Accounts;

public class CommonPasswordValidatorTests
{
    private static async Task<bool> AcceptsAsync(string password, string email = "ann@example.test") =>
        (await new CommonPasswordValidator().ValidateAsync(null!, new ApplicationUser { Email = email }, password)).Succeeded;

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiopas")]
    [InlineData("111111111111")]
    [InlineData("ababababababab")]
    [InlineData("my ann@example.test pass")]
    public async Task Refuses_common_repetitive_or_email_based_passwords(string password) =>
        Assert.False(await AcceptsAsync(password));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("knees like new by spring")]
    public async Task Accepts_ordinary_passphrases(string password) =>
        Assert.True(await AcceptsAsync(password));
}
