using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;

namespace SecureCart.Platform.Infra.Tests;

/// <summary>A preview's rights under Pulumi's mocks: its database secret, who may read it, and each task role's grants.</summary>
public sealed class PreviewEnvironmentAccessTests
{
    private const string Password = "derived-password-value";

    [Fact]
    public async Task Run_WithDatabase_StoresCredentialsInItsOwnSecret()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, _) = await PreviewEnvironmentRun.RunAsync(plan, databasePassword: Password);

        var secret = Assert.Single(created, c => c.Type == "aws:secretsmanager/secret:Secret");
        Assert.Equal(plan.Database.SecretName, secret.Inputs["name"]);
        Assert.Equal(0d, Convert.ToDouble(secret.Inputs["recoveryWindowInDays"], System.Globalization.CultureInfo.InvariantCulture));
        var version = Assert.Single(created, c => c.Type == "aws:secretsmanager/secretVersion:SecretVersion");
        using var stored = JsonDocument.Parse((string)version.Inputs["secretString"]);
        Assert.Equal(plan.Database.Name, stored.RootElement.GetProperty("username").GetString());
        Assert.Equal(plan.Database.Name, stored.RootElement.GetProperty("dbname").GetString());
        Assert.Equal(Password, stored.RootElement.GetProperty("password").GetString());
        Assert.Equal("base-db.internal", stored.RootElement.GetProperty("host").GetString());
    }

    [Fact]
    public async Task Run_WithDatabase_OnlyItsExecutionRoleAndDatabaseUsersReadTheSecret()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, _) = await PreviewEnvironmentRun.RunAsync(plan, databasePassword: Password);

        var readers = created.Where(c => c.Type == "aws:iam/rolePolicy:RolePolicy")
            .Where(p => Statements((string)p.Inputs["policy"]).Any(s => s.Actions.Contains("secretsmanager:GetSecretValue")))
            .Select(p => p.Name!).Order(StringComparer.Ordinal).ToArray();
        string[] expected = ["execution-database-secret", .. plan.Services.Where(s => s.UsesDatabase).Select(s => $"{s.LogicalName}-task-access").Order(StringComparer.Ordinal)];
        Assert.Equal(expected.Order(StringComparer.Ordinal), readers);
        Assert.All(readers, name => Assert.Equal(
            ["arn:database-secret"],
            Statements((string)created.Single(c => c.Name == name).Inputs["policy"]).Where(s => s.Actions.Contains("secretsmanager:GetSecretValue")).SelectMany(s => s.Resources)));
        Assert.Single(created, c => c.Type == "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && c.Name == "execution-managed");
    }

    [Fact]
    public async Task Run_WithDatabase_TaskDefinitionsInjectThePasswordFromTheSecretIntoDatabaseUsersOnly()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, _) = await PreviewEnvironmentRun.RunAsync(plan, databasePassword: Password);

        foreach (var service in plan.Services)
        {
            var task = created.Single(c => c.Type == "aws:ecs/taskDefinition:TaskDefinition" && c.Name == $"{service.LogicalName}-task").Inputs;
            var container = JsonDocument.Parse((string)task["containerDefinitions"]).RootElement[0];
            Assert.Equal($"arn:{service.LogicalName}-task-role", task["taskRoleArn"]);
            Assert.Equal("arn:execution-role", task["executionRoleArn"]);
            Assert.DoesNotContain(Password, (string)task["containerDefinitions"], StringComparison.Ordinal);
            if (service.UsesDatabase)
            {
                var secret = Assert.Single(container.GetProperty("secrets").EnumerateArray());
                Assert.Equal(("PGPASSWORD", "arn:database-secret:password::"), (secret.GetProperty("name").GetString(), secret.GetProperty("valueFrom").GetString()));
                var environment = container.GetProperty("environment").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
                Assert.Equal((plan.Database.Name, plan.Database.Name, "base-db.internal"), (environment["PGDATABASE"], environment["PGUSER"], environment["PGHOST"]));
            }
            else
            {
                Assert.False(container.TryGetProperty("secrets", out _), service.LogicalName);
            }
        }
    }

    [Fact]
    public async Task Run_TaskRoles_GrantExactlyThePlansActionsOnThisPreviewsQueuesAndTables()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, _) = await PreviewEnvironmentRun.RunAsync(plan);

        var checkout = Statements((string)created.Single(c => c.Name == "checkout-task-access").Inputs["policy"]);
        Assert.Equal(
            [
                (new[] { "dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem" }, new[] { "arn:carts", "arn:carts/index/*" }),
                (new[] { "sqs:SendMessage" }, new[] { "arn:orders" }),
            ],
            checkout.Select(s => (s.Actions, s.Resources)));
        var worker = Statements((string)created.Single(c => c.Name == "order-worker-task-access").Inputs["policy"]);
        Assert.Equal(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"], Assert.Single(worker).Actions);
        Assert.Equal(["arn:orders"], Assert.Single(worker).Resources);
        var everyGrant = created.Where(c => c.Type == "aws:iam/rolePolicy:RolePolicy").SelectMany(p => Statements((string)p.Inputs["policy"])).ToList();
        Assert.DoesNotContain(everyGrant, s => s.Actions.Any(a => a.StartsWith("kms:", StringComparison.Ordinal) || a.StartsWith("events:", StringComparison.Ordinal) || a.StartsWith("states:", StringComparison.Ordinal)));
        Assert.DoesNotContain(everyGrant, s => s.Resources.Any(r => r.Contains('*', StringComparison.Ordinal) && !r.EndsWith("/index/*", StringComparison.Ordinal)));
        // A service with no IAM grant (only network ones) gets a role with no policy at all.
        Assert.All(plan.Services.Where(s => s.Access.All(a => a.IsNetwork)), s => Assert.DoesNotContain(created, c => c.Name == $"{s.LogicalName}-task-access"));
        Assert.Equal(plan.Services.Length, created.Count(c => c.Type == "aws:iam/role:Role"));
    }

    [Fact]
    public async Task Run_WithoutDatabase_NoSecretAndTheBaseExecutionRole()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, _) = await PreviewEnvironmentRun.RunAsync(plan);

        Assert.DoesNotContain(created, c => (c.Type ?? "").StartsWith("aws:secretsmanager/", StringComparison.Ordinal));
        Assert.All(created.Where(c => c.Type == "aws:ecs/taskDefinition:TaskDefinition"), t => Assert.Equal("role-1", t.Inputs["executionRoleArn"]));
    }

    private static IReadOnlyList<(string[] Actions, string[] Resources)> Statements(string policy)
    {
        using var document = JsonDocument.Parse(policy);
        return [.. document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => (
            s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!).ToArray(),
            s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!).ToArray()))];
    }
}
