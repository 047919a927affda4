using KneeRehab.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.Tests.Content;

/// <summary>
/// Content pages come from memory for visitors who are not signed in (output caching adds an Age header to a
/// response it served from memory), and never for a signed-in patient, whose header names their account.
/// </summary>
public class ContentCacheTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    public static TheoryData<string> ContentPages => ["/", "/exercises", "/exercises?equipment=ball", "/exercises/ball-bridge", "/programs", "/programs/runners-knee", "/safety"];

    [Theory]
    [MemberData(nameof(ContentPages))]
    public async Task An_anonymous_visitor_gets_the_page_from_memory_the_second_time(string path)
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var second = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // The security headers are added outside the cache, on every response.
        Assert.True(second.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_signed_in_patient_never_gets_the_anonymous_copy_nor_leaves_one()
    {
        var anonymous = factory.CreateClient();
        await anonymous.GetAsync("/exercises/wall-squat", TestContext.Current.CancellationToken);
        var patient = await factory.CreateUserClientAsync();

        for (var i = 0; i < 2; i++)
        {
            var response = await patient.GetAsync("/exercises/wall-squat", TestContext.Current.CancellationToken);
            Assert.Null(response.Headers.Age);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Log out", html);
        }
        var again = await anonymous.GetAsync("/exercises/wall-squat", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Log out", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_content_reload_is_a_new_key_so_no_older_copy_is_served()
    {
        var client = factory.CreateClient();
        await client.GetAsync("/exercises/straight-leg-raise", TestContext.Current.CancellationToken);
        Assert.NotNull((await client.GetAsync("/exercises/straight-leg-raise", TestContext.Current.CancellationToken)).Headers.Age);

        var library = factory.Services.GetRequiredService<ContentLibrary>();
        var before = library.Version;
        Assert.True(library.Reload().IsValid);
        Assert.Equal(before + 1, library.Version);

        Assert.Null((await client.GetAsync("/exercises/straight-leg-raise", TestContext.Current.CancellationToken)).Headers.Age);
    }
}
