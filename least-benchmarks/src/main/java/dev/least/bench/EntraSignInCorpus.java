package dev.least.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a synthetic Entra sign-in JSON Lines file in the Graph beta {@code signIn} shape (every
 * field of the docs example, so the parser has as much to skip as a real export), deterministic for
 * a given seed.
 */
final class EntraSignInCorpus {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private EntraSignInCorpus() {}

  static Path write(Path file, int events, long seed) throws IOException {
    Random rnd = new Random(seed);
    String[] apps = new String[40];
    for (int i = 0; i < apps.length; i++) {
      apps[i] = String.format("%08x-aaaa-4bbb-8ccc-%012d", i * 7919, i);
    }
    String[] countries = {"US", "NL", "DE", "GB", "FR", "IN", "BR", "JP"};
    String[] clients = {
      "Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync", "IMAP4"
    };
    String[] results = {"success", "notApplied", "reportOnlySuccess", "notEnabled", "failure"};
    long t = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < events; i++) {
        t += rnd.nextInt(5000);
        int user = rnd.nextInt(5000);
        String app = apps[rnd.nextInt(apps.length)];
        int code = rnd.nextInt(10) < 8 ? 0 : (rnd.nextBoolean() ? 50126 : 50074);
        String when = STAMP.format(Instant.ofEpochMilli(t)) + "1234Z";
        StringBuilder b = new StringBuilder(3000);
        b.append("{\"id\":\"")
            .append(new java.util.UUID(rnd.nextLong(), rnd.nextLong()))
            .append("\",\"createdDateTime\":\"")
            .append(when)
            .append("\",\"userDisplayName\":\"User ")
            .append(user)
            .append("\",\"userPrincipalName\":\"user")
            .append(user)
            .append("@contoso.com\",\"userId\":\"")
            .append(String.format("%08d-1111-4222-8333-%012d", user, user))
            .append("\",\"appId\":\"")
            .append(app)
            .append("\",\"appDisplayName\":\"App ")
            .append(app, 0, 8)
            .append("\",\"ipAddress\":\"")
            .append(rnd.nextInt(223) + 1)
            .append('.')
            .append(rnd.nextInt(256))
            .append('.')
            .append(rnd.nextInt(256))
            .append('.')
            .append(rnd.nextInt(256))
            .append("\",\"clientAppUsed\":\"")
            .append(clients[rnd.nextInt(clients.length)])
            .append(
                "\",\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                    + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0\"")
            .append(",\"correlationId\":\"")
            .append(new java.util.UUID(rnd.nextLong(), rnd.nextLong()))
            .append(
                "\",\"conditionalAccessStatus\":\"success\",\"originalRequestId\":"
                    + "\"7dccb0d7-1041-4d82-b785-d865272e1400\",\"authenticationProtocol\":\"none\","
                    + "\"incomingTokenType\":\"none\",\"isInteractive\":")
            .append(rnd.nextBoolean())
            .append(
                ",\"homeTenantId\":\"4f7a7bc2-28e2-46a3-b90e-5ade5bc90138\",\"homeTenantName\":\"\","
                    + "\"isTenantRestricted\":false,\"tokenIssuerName\":\"\",\"tokenIssuerType\":"
                    + "\"AzureAD\",\"processingTimeInMilliseconds\":")
            .append(rnd.nextInt(2000))
            .append(
                ",\"riskDetail\":\"none\",\"riskLevelAggregated\":\"none\","
                    + "\"riskLevelDuringSignIn\":\"")
            .append(rnd.nextInt(20) == 0 ? "medium" : "none")
            .append(
                "\",\"riskState\":\"none\",\"riskEventTypes_v2\":[],\"resourceDisplayName\":"
                    + "\"Microsoft Graph\",\"resourceId\":\"00000003-0000-0000-c000-000000000000\","
                    + "\"resourceTenantId\":\"99081087-73c4-48d1-a112-f60ff75114f7\","
                    + "\"authenticationMethodsUsed\":[],\"authenticationRequirement\":\"")
            .append(
                rnd.nextInt(3) == 0 ? "multiFactorAuthentication" : "singleFactorAuthentication")
            .append(
                "\",\"uniqueTokenIdentifier\":\"ZTE0OTk3YTQtZjg5Mi00YjBiLWIwNTEtZmViZTA1YzJhNDli\","
                    + "\"signInEventTypes\":[\"interactiveUser\"],\"servicePrincipalId\":\"\","
                    + "\"userType\":\"member\",\"flaggedForReview\":false,"
                    + "\"autonomousSystemNumber\":3598,\"crossTenantAccessType\":\"none\","
                    + "\"status\":{\"errorCode\":")
            .append(code)
            .append(
                ",\"failureReason\":\"Other.\",\"additionalDetails\":null},"
                    + "\"deviceDetail\":{\"deviceId\":\"\",\"displayName\":\"\","
                    + "\"operatingSystem\":\"Windows10\",\"browser\":\"Edge 120.0.0\","
                    + "\"isCompliant\":")
            .append(rnd.nextBoolean())
            .append(",\"isManaged\":")
            .append(rnd.nextBoolean())
            .append(",\"trustType\":\"\"},\"location\":{\"city\":\"City ")
            .append(rnd.nextInt(100))
            .append("\",\"state\":\"State\",\"countryOrRegion\":\"")
            .append(countries[rnd.nextInt(countries.length)])
            .append(
                "\",\"geoCoordinates\":{\"altitude\":null,\"latitude\":47.68050003051758,"
                    + "\"longitude\":-122.12094116210938}},\"appliedConditionalAccessPolicies\":[");
        for (int p = 0; p < 4; p++) {
          if (p > 0) {
            b.append(',');
          }
          b.append("{\"id\":\"")
              .append(String.format("%08d-ed89-4d73-8205-2227def6b7c9", p))
              .append("\",\"displayName\":\"Policy ")
              .append(p)
              .append(
                  "\",\"enforcedGrantControls\":[\"Mfa\"],\"enforcedSessionControls\":[],"
                      + "\"result\":\"")
              .append(results[rnd.nextInt(results.length)])
              .append("\"}");
        }
        b.append(
                "],\"authenticationProcessingDetails\":[{\"key\":\"Login Hint Present\","
                    + "\"value\":\"True\"}],\"networkLocationDetails\":[{\"networkType\":"
                    + "\"namedNetwork\",\"networkNames\":[\"North America\"]}],"
                    + "\"authenticationDetails\":[{\"authenticationStepDateTime\":\"")
            .append(when)
            .append(
                "\",\"authenticationMethod\":\"Password\",\"authenticationMethodDetail\":"
                    + "\"Password in the cloud\",\"succeeded\":true,"
                    + "\"authenticationStepResultDetail\":\"Correct password\","
                    + "\"authenticationStepRequirement\":\"Primary authentication\"}");
        if (rnd.nextBoolean()) {
          b.append(
              ",{\"authenticationMethod\":\"Mobile app notification\",\"succeeded\":true,"
                  + "\"authenticationStepResultDetail\":\"MFA successfully completed\","
                  + "\"authenticationStepRequirement\":\"Multifactor authentication\"}");
        }
        b.append("],\"authenticationRequirementPolicies\":[],\"sessionLifetimePolicies\":[]}\n");
        out.write(b.toString());
      }
    }
    return file;
  }
}
