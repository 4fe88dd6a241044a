package dev.least.policy.entra;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The app suites a policy can target by keyword. Microsoft documents the suites by app name
 * (learn.microsoft.com/entra/identity/conditional-access/reference-office-365-application-contents
 * and concept-conditional-access-cloud-apps "Microsoft Admin Portals"); the app ids below are the
 * well-known first-party {@code appId}s of those apps that we could pin down. Not yet listed (no
 * verified id): the Entra, Intune, Purview and Teams admin centers. Both lists change over time:
 * keep them here and nowhere else.
 */
public enum AppSuite {
  OFFICE_365(
      "Office365",
      Set.of(
          "00000002-0000-0ff1-ce00-000000000000", // Office 365 Exchange Online
          "00000003-0000-0ff1-ce00-000000000000", // Office 365 SharePoint Online
          "00000004-0000-0ff1-ce00-000000000000", // Skype for Business Online
          "00000005-0000-0ff1-ce00-000000000000", // Office 365 Yammer
          "00000006-0000-0ff1-ce00-000000000000", // Microsoft Office 365 Portal
          "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", // Microsoft Teams Services
          "1fec8e78-bce4-4aaf-ab1b-5451cc387264", // Microsoft Teams (client)
          "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", // Microsoft Teams Web Client
          "c9a559d2-7aab-4f13-a6ed-e7e9c52aec87", // Microsoft Forms
          "09abbdfd-ed23-44ee-a2d9-a627aa1c90f3", // Microsoft Planner
          "cf53fce8-def6-4aeb-8d30-b158e7b1cf83", // Microsoft Stream
          "7df0a125-d3be-4c96-aa54-591f83ff541c", // Microsoft Flow (Power Automate)
          "475226c6-020e-4fb2-8a90-7a972cbfc1d4", // PowerApps Service
          "94c63fef-13a3-47bc-8074-75af8c65887a", // Office Delve
          "2d4d3d8e-2be3-4bef-9f87-7875a61c29de", // OneNote
          "4b233688-031c-404b-9a80-a4f3f2351f90")), // Office Online
  MICROSOFT_ADMIN_PORTALS(
      "MicrosoftAdminPortals",
      Set.of(
          "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", // Azure portal
          "497effe9-df71-4043-a8bb-14cf78c4b63b", // Exchange admin center
          "00000006-0000-0ff1-ce00-000000000000", // Microsoft 365 admin center (Office 365 Portal)
          "80ccca67-54bd-44ab-8625-4b79c4dc7775")); // Microsoft 365 Defender / Security portal

  private final String keyword;
  private final Set<String> appIds;

  AppSuite(String keyword, Set<String> appIds) {
    this.keyword = keyword;
    this.appIds = appIds;
  }

  /** The keyword in {@code includeApplications} / {@code excludeApplications}. */
  public String keyword() {
    return keyword;
  }

  /** The member app ids, lower case. */
  public Set<String> appIds() {
    return appIds;
  }

  public boolean contains(String appId) {
    return appIds.contains(appId.toLowerCase(Locale.ROOT));
  }

  /**
   * The suite a policy keyword names (case-insensitive), or null for an app id or other keyword.
   */
  public static @Nullable AppSuite ofKeyword(String value) {
    for (AppSuite s : values()) {
      if (s.keyword.equalsIgnoreCase(value)) {
        return s;
      }
    }
    return null;
  }
}
