import json, os, random, uuid, sys
from datetime import datetime, timedelta, timezone
root = sys.argv[1]
rnd = random.Random(7)
def w(path, obj, lines=False):
    p = os.path.join(root, path); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w', newline='\n') as f:
        if lines:
            for o in obj: f.write(json.dumps(o, separators=(',', ':')) + '\n')
        else:
            json.dump(obj, f, indent=2); f.write('\n')
def gid(): return str(uuid.UUID(int=rnd.getrandbits(128), version=4))
cap = datetime(2026, 11, 20, tzinfo=timezone.utc)
w('manifest.json', {"tenant": "contoso-demo", "capturedAt": "2026-11-20T00:00:00Z", "sources": ["entra", "okta", "hr"], "generator": "least bundled demo sample v1"})
people = [
 ("E1001","ada.lovelace@contoso.com","Ada","Lovelace","Active","2019-03-01","","Finance","Controller","grace.hopper@contoso.com","London","CC-100","Employee"),
 ("E1002","grace.hopper@contoso.com","Grace","Hopper","Active","2015-06-15","","Finance","CFO","","London","CC-100","Employee"),
 ("E1003","alan.turing@contoso.com","Alan","Turing","Active","2020-01-10","","Engineering","Engineer","linus.t@contoso.com","Manchester","CC-200","Employee"),
 ("E1004","linus.t@contoso.com","Linus","Torvalds","Leave","2018-09-01","","Engineering","Engineering Manager","grace.hopper@contoso.com","Helsinki","CC-200","Employee"),
 ("E1005","margaret.h@contoso.com","Margaret","Hamilton","Terminated","2017-02-01","2026-09-30","Sales","Account Executive","grace.hopper@contoso.com","Boston","CC-300","Employee"),
 ("E1006","katherine.j@contoso.com","Katherine","Johnson","Active","2026-11-10","","Sales","Account Executive","grace.hopper@contoso.com","Boston","CC-300","Contractor"),
]
with open(os.path.join(root,'hr/workers.csv') if os.makedirs(os.path.join(root,'hr'),exist_ok=True) is None else '', 'w', newline='') as f:
    f.write("employee_id,email,first_name,last_name,status,hire_date,termination_date,department,title,manager_email,location,cost_center,worker_type\r\n")
    for r in people: f.write(",".join(r) + "\r\n")
# Entra
uids = {}
users = []
for (eid,email,fn,ln,st,hd,td,dept,title,mgr,loc,cc,wt) in people:
    u = gid(); uids[email] = u
    users.append({"id": u, "displayName": f"{fn} {ln}", "userPrincipalName": email, "mail": email, "accountEnabled": True,
      "userType": "Member", "department": dept, "jobTitle": title, "employeeId": eid,
      "createdDateTime": hd + "T09:00:00Z",
      "signInActivity": {"lastSignInDateTime": "2026-11-18T08:12:00Z", "lastNonInteractiveSignInDateTime": "2026-11-19T10:00:00Z"}})
users[5]["signInActivity"] = None
guest = gid(); uids['guest'] = guest
users.append({"id": guest, "displayName": "Partner Pat", "userPrincipalName": "pat_partner.example#EXT#@contoso.onmicrosoft.com", "mail": "pat@partner.example", "accountEnabled": True, "userType": "Guest", "department": None, "jobTitle": None, "employeeId": None, "createdDateTime": "2025-05-05T12:00:00Z", "signInActivity": {"lastSignInDateTime": "2026-01-02T12:00:00Z"}})
svc = gid(); uids['svc'] = svc
users.append({"id": svc, "displayName": "svc-backup", "userPrincipalName": "svc-backup@contoso.com", "mail": None, "accountEnabled": True, "userType": "Member", "department": None, "jobTitle": None, "employeeId": None, "createdDateTime": "2021-01-01T00:00:00Z", "signInActivity": None})
bg = gid(); uids['bg'] = bg
users.append({"id": bg, "displayName": "Break Glass 1", "userPrincipalName": "breakglass1@contoso.com", "mail": None, "accountEnabled": True, "userType": "Member", "department": None, "jobTitle": None, "employeeId": None, "createdDateTime": "2020-01-01T00:00:00Z", "signInActivity": None})
w('entra/users.json', {"@odata.context": "https://graph.microsoft.com/beta/$metadata#users", "value": users})
g_fin, g_eng, g_admins, g_sales = gid(), gid(), gid(), gid()
groups = [
 {"id": g_fin, "displayName": "Finance", "groupTypes": [], "membershipRule": None, "securityEnabled": True, "mailEnabled": False},
 {"id": g_eng, "displayName": "Engineering (dynamic)", "groupTypes": ["DynamicMembership"], "membershipRule": "user.department -eq \"Engineering\"", "membershipRuleProcessingState": "On", "securityEnabled": True, "mailEnabled": False},
 {"id": g_admins, "displayName": "Privileged Admins", "groupTypes": [], "membershipRule": None, "securityEnabled": True, "mailEnabled": False, "isAssignableToRole": True},
 {"id": g_sales, "displayName": "Sales", "groupTypes": [], "membershipRule": None, "securityEnabled": True, "mailEnabled": False},
]
w('entra/groups.json', {"value": groups})
def member(uid, t="user"): return {"@odata.type": f"#microsoft.graph.{t}", "id": uid}
w(f'entra/groups/{g_fin}/members.json', {"value": [member(uids['ada.lovelace@contoso.com']), member(uids['grace.hopper@contoso.com'])]})
w(f'entra/groups/{g_eng}/members.json', {"value": [member(uids['alan.turing@contoso.com']), member(uids['linus.t@contoso.com'])]})
w(f'entra/groups/{g_admins}/members.json', {"value": [member(uids['linus.t@contoso.com']), member(uids['ada.lovelace@contoso.com']), member(g_eng, "group")]})
w(f'entra/groups/{g_sales}/members.json', {"value": [member(uids['margaret.h@contoso.com']), member(uids['katherine.j@contoso.com'])]})
sp_crm, sp_erp, sp_exo = gid(), gid(), gid()
app_crm, app_erp = gid(), gid()
app_exo = "00000002-0000-0ff1-ce00-000000000000"
sps = [
 {"id": sp_crm, "appId": app_crm, "displayName": "Contoso CRM", "accountEnabled": True, "servicePrincipalType": "Application", "appRoleAssignmentRequired": True},
 {"id": sp_erp, "appId": app_erp, "displayName": "Contoso ERP", "accountEnabled": True, "servicePrincipalType": "Application", "appRoleAssignmentRequired": True},
 {"id": sp_exo, "appId": app_exo, "displayName": "Office 365 Exchange Online", "accountEnabled": True, "servicePrincipalType": "Application", "appRoleAssignmentRequired": False},
]
w('entra/servicePrincipals.json', {"value": sps})
def ara(sp, pid, ptype, pname): return {"id": gid(), "appRoleId": "00000000-0000-0000-0000-000000000000", "createdDateTime": "2024-01-01T00:00:00Z", "principalDisplayName": pname, "principalId": pid, "principalType": ptype, "resourceDisplayName": "x", "resourceId": sp}
w(f'entra/servicePrincipals/{sp_crm}/appRoleAssignedTo.json', {"value": [ara(sp_crm, g_sales, "Group", "Sales"), ara(sp_crm, uids['ada.lovelace@contoso.com'], "User", "Ada Lovelace")]})
w(f'entra/servicePrincipals/{sp_erp}/appRoleAssignedTo.json', {"value": [ara(sp_erp, g_fin, "Group", "Finance")]})
GA = "62e90394-69f5-4237-9190-012177145e10"; SECR = "5d6b6bb7-de71-4623-b4af-96380a352509"
w('entra/roleManagement/directory/roleDefinitions.json', {"value": [
  {"id": GA, "templateId": GA, "displayName": "Global Administrator", "isBuiltIn": True, "isEnabled": True, "isPrivileged": True},
  {"id": SECR, "templateId": SECR, "displayName": "Security Reader", "isBuiltIn": True, "isEnabled": True, "isPrivileged": False}]})
w('entra/roleManagement/directory/roleAssignments.json', {"value": [
  {"id": gid(), "roleDefinitionId": GA, "principalId": uids['grace.hopper@contoso.com'], "directoryScopeId": "/"},
  {"id": gid(), "roleDefinitionId": GA, "principalId": bg, "directoryScopeId": "/"},
  {"id": gid(), "roleDefinitionId": SECR, "principalId": g_admins, "directoryScopeId": "/"}]})
loc_office, loc_countries = gid(), gid()
w('entra/identity/conditionalAccess/namedLocations.json', {"value": [
  {"@odata.type": "#microsoft.graph.ipNamedLocation", "id": loc_office, "displayName": "London office", "isTrusted": True, "createdDateTime": "2024-01-01T00:00:00Z", "ipRanges": [{"@odata.type": "#microsoft.graph.iPv4CidrRange", "cidrAddress": "203.0.113.0/24"}]},
  {"@odata.type": "#microsoft.graph.countryNamedLocation", "id": loc_countries, "displayName": "Allowed countries", "countriesAndRegions": ["GB", "US", "FI"], "includeUnknownCountriesAndRegions": False, "countryLookupMethod": "clientIpAddress"}]})
p_mfa_admins, p_block_legacy, p_mfa_untrusted, p_ro = gid(), gid(), gid(), gid()
def pol(pid, name, state, users, apps, grant, clientAppTypes=["all"], locations=None, session=None):
    return {"id": pid, "displayName": name, "state": state, "createdDateTime": "2025-01-01T00:00:00Z", "modifiedDateTime": "2025-06-01T00:00:00Z",
      "conditions": {"userRiskLevels": [], "signInRiskLevels": [], "clientAppTypes": clientAppTypes, "platforms": None, "locations": locations, "devices": None,
        "applications": {"includeApplications": apps, "excludeApplications": [], "includeUserActions": [], "includeAuthenticationContextClassReferences": []},
        "users": users},
      "grantControls": grant, "sessionControls": session}
def users_(inc=[], exc=[], ig=[], eg=[], ir=[], er=[]):
    return {"includeUsers": inc, "excludeUsers": exc, "includeGroups": ig, "excludeGroups": eg, "includeRoles": ir, "excludeRoles": er}
cas = [
 pol(p_mfa_admins, "CA001 Require MFA for admins", "enabled", users_(ir=[GA], exc=[bg]), ["All"], {"operator": "OR", "builtInControls": ["mfa"], "customAuthenticationFactors": [], "termsOfUse": []}),
 pol(p_block_legacy, "CA002 Block legacy authentication", "enabled", users_(inc=["All"], exc=[bg]), ["All"], {"operator": "OR", "builtInControls": ["block"], "customAuthenticationFactors": [], "termsOfUse": []}, clientAppTypes=["exchangeActiveSync", "other"]),
 pol(p_mfa_untrusted, "CA003 MFA outside trusted locations", "enabled", users_(inc=["All"], exc=[bg, svc]), ["All"], {"operator": "OR", "builtInControls": ["mfa"], "customAuthenticationFactors": [], "termsOfUse": []}, locations={"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]}),
 pol(p_ro, "CA004 Compliant device for ERP (report-only)", "enabledForReportingButNotEnforced", users_(inc=["All"], exc=[bg]), [app_erp], {"operator": "OR", "builtInControls": ["compliantDevice"], "customAuthenticationFactors": [], "termsOfUse": []}),
]
w('entra/identity/conditionalAccess/policies.json', {"value": cas})
signins = []
apps = [(app_crm, "Contoso CRM"), (app_erp, "Contoso ERP"), (app_exo, "Office 365 Exchange Online")]
t = cap - timedelta(days=14)
emails = [p[1] for p in people[:4]] + ['guest']
for i in range(40):
    t += timedelta(minutes=rnd.randint(200, 600))
    em = emails[i % len(emails)]
    appid, appname = apps[i % 3]
    office = rnd.random() < 0.6
    ip = f"203.0.113.{rnd.randint(2,250)}" if office else f"198.51.100.{rnd.randint(2,250)}"
    legacy = (i % 13 == 7)
    client = "IMAP4" if legacy else rnd.choice(["Browser", "Mobile Apps and Desktop clients"])
    admin = em == 'grace.hopper@contoso.com'
    mfa_needed = (not office) or admin
    results = []
    def res(pid, name, r, ctl): results.append({"id": pid, "displayName": name, "enforcedGrantControls": ctl, "enforcedSessionControls": [], "result": r})
    res(p_mfa_admins, cas[0]["displayName"], "success" if admin and not legacy else ("failure" if admin else "notApplied"), ["Mfa"])
    res(p_block_legacy, cas[1]["displayName"], "failure" if legacy else "notApplied", ["Block"])
    res(p_mfa_untrusted, cas[2]["displayName"], ("failure" if legacy else "success") if not office else "notApplied", ["Mfa"])
    res(p_ro, cas[3]["displayName"], ("reportOnlyFailure" if appid == app_erp else "reportOnlyNotApplied"), ["RequireCompliantDevice"])
    err = 53003 if legacy else 0
    uid = uids[em]
    upn = em if em != 'guest' else users[6]["userPrincipalName"]
    signins.append({"id": gid(), "createdDateTime": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rnd.randint(0,9999999):07d}Z",
      "userDisplayName": upn, "userPrincipalName": upn, "userId": uid, "appId": appid, "appDisplayName": appname,
      "ipAddress": ip, "clientAppUsed": client, "correlationId": gid(), "conditionalAccessStatus": "failure" if legacy else ("success" if mfa_needed else "notApplied"),
      "isInteractive": True, "riskDetail": "none", "riskLevelAggregated": "none", "riskLevelDuringSignIn": "none", "riskState": "none", "riskEventTypes_v2": [],
      "resourceDisplayName": appname, "resourceId": appid,
      "status": {"errorCode": err, "failureReason": "Access has been blocked by Conditional Access policies." if legacy else "Other.", "additionalDetails": None},
      "deviceDetail": {"deviceId": "", "displayName": "", "operatingSystem": rnd.choice(["Windows 10", "MacOs", "iOS 17"]), "browser": "Edge 120.0.0", "isCompliant": rnd.random() < 0.5, "isManaged": rnd.random() < 0.6, "trustType": ""},
      "location": {"city": "London" if office else "Reading", "state": "England", "countryOrRegion": "GB", "geoCoordinates": {"altitude": None, "latitude": 51.5, "longitude": -0.12}},
      "authenticationRequirement": "multiFactorAuthentication" if mfa_needed and not legacy else "singleFactorAuthentication",
      "authenticationDetails": ([{"authenticationStepDateTime": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "authenticationMethod": "Password", "succeeded": True, "authenticationStepResultDetail": "Correct password"}] +
          ([{"authenticationStepDateTime": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "authenticationMethod": "Microsoft Authenticator app", "authenticationMethodDetail": "Push notification", "succeeded": True, "authenticationStepResultDetail": "MFA successfully completed"}] if mfa_needed and not legacy else [])),
      "appliedConditionalAccessPolicies": results})
signins.reverse()  # Graph lists newest first
w('entra/auditLogs/signIns.jsonl', signins, lines=True)
# Okta
ou = {}
okta_users = []
for idx, (eid,email,fn,ln,st,hd,td,dept,title,mgr,loc,cc,wt) in enumerate(people):
    oid = "00u" + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(17)); ou[email] = oid
    status = "DEPROVISIONED" if st == "Terminated" else ("SUSPENDED" if st == "Leave" else ("STAGED" if idx == 5 else "ACTIVE"))
    okta_users.append({"id": oid, "status": status, "created": hd + "T09:00:00.000Z", "activated": hd + "T09:05:00.000Z", "statusChanged": None,
      "lastLogin": None if idx == 5 else "2026-11-18T09:00:00.000Z", "lastUpdated": "2026-10-01T00:00:00.000Z", "passwordChanged": None,
      "type": {"id": "oty000000000000000"},
      "profile": {"firstName": fn, "lastName": ln, "mobilePhone": None, "secondEmail": None, "login": email, "email": email, "employeeNumber": eid, "department": dept, "title": title},
      "credentials": {"password": {}, "provider": {"type": "OKTA", "name": "OKTA"}}, "_links": {"self": {"href": f"https://contoso.okta.com/api/v1/users/{oid}"}}})
w('okta/users.json', okta_users)
og_fin, og_eng, og_every = "00g" + "fin0000000000000", "00g" + "eng0000000000000", "00g" + "every00000000000"
w('okta/groups.json', [
  {"id": og_every, "created": "2015-01-01T00:00:00.000Z", "lastUpdated": "2015-01-01T00:00:00.000Z", "lastMembershipUpdated": "2026-11-10T00:00:00.000Z", "objectClass": ["okta:user_group"], "type": "BUILT_IN", "profile": {"name": "Everyone", "description": "All users in your organization"}},
  {"id": og_fin, "created": "2019-01-01T00:00:00.000Z", "lastUpdated": "2019-01-01T00:00:00.000Z", "lastMembershipUpdated": "2026-01-01T00:00:00.000Z", "objectClass": ["okta:user_group"], "type": "OKTA_GROUP", "profile": {"name": "Finance", "description": "Finance team"}},
  {"id": og_eng, "created": "2019-01-01T00:00:00.000Z", "lastUpdated": "2019-01-01T00:00:00.000Z", "lastMembershipUpdated": "2026-01-01T00:00:00.000Z", "objectClass": ["okta:user_group"], "type": "OKTA_GROUP", "profile": {"name": "Engineering", "description": "Fed by a group rule"}}])
def short(u): return {"id": u["id"], "status": u["status"], "profile": {"login": u["profile"]["login"], "email": u["profile"]["email"]}}
w(f'okta/groups/{og_every}/users.json', [short(u) for u in okta_users])
w(f'okta/groups/{og_fin}/users.json', [short(okta_users[0]), short(okta_users[1])])
w(f'okta/groups/{og_eng}/users.json', [short(okta_users[2]), short(okta_users[3])])
w('okta/groups/rules.json', [{"type": "group_rule", "id": "0pr" + "eng0000000000000", "status": "ACTIVE", "name": "Engineering by department", "created": "2019-01-01T00:00:00.000Z", "lastUpdated": "2019-01-01T00:00:00.000Z",
  "conditions": {"people": {"users": {"exclude": []}, "groups": {"exclude": []}}, "expression": {"value": "user.department==\"Engineering\"", "type": "urn:okta:expression:1.0"}},
  "actions": {"assignUserToGroups": {"groupIds": [og_eng]}}}])
pol_app = "rst" + "crm0000000000000"; pol_default_app = "rst" + "default000000000"
oapp_crm, oapp_wiki = "0oa" + "crm0000000000000", "0oa" + "wiki000000000000"
def oapp(aid, label, pol): return {"id": aid, "name": "oidc_client", "label": label, "status": "ACTIVE", "created": "2020-01-01T00:00:00.000Z", "lastUpdated": "2024-01-01T00:00:00.000Z", "signOnMode": "OPENID_CONNECT",
  "_links": {"accessPolicy": {"href": f"https://contoso.okta.com/api/v1/policies/{pol}"}, "self": {"href": f"https://contoso.okta.com/api/v1/apps/{aid}"}}}
w('okta/apps.json', [oapp(oapp_crm, "Contoso CRM", pol_app), oapp(oapp_wiki, "Contoso Wiki", pol_default_app)])
w(f'okta/apps/{oapp_crm}/users.json', [{"id": okta_users[0]["id"], "scope": "USER", "status": "ACTIVE", "credentials": {"userName": okta_users[0]["profile"]["login"]}}])
w(f'okta/apps/{oapp_crm}/groups.json', [{"id": og_fin, "priority": 0}])
w(f'okta/apps/{oapp_wiki}/users.json', [])
w(f'okta/apps/{oapp_wiki}/groups.json', [{"id": og_every, "priority": 0}])
zone_office = "nzo" + "office0000000000"
w('okta/zones.json', [
  {"type": "IP", "id": zone_office, "name": "London office", "status": "ACTIVE", "usage": "POLICY", "created": "2024-01-01T00:00:00.000Z", "lastUpdated": "2024-01-01T00:00:00.000Z", "system": False,
   "gateways": [{"type": "CIDR", "value": "203.0.113.0/24"}], "proxies": None},
  {"type": "IP", "id": "nzo" + "blocklist0000000", "name": "BlockedIpZone", "status": "ACTIVE", "usage": "BLOCKLIST", "created": "2024-01-01T00:00:00.000Z", "lastUpdated": "2024-01-01T00:00:00.000Z", "system": True,
   "gateways": [{"type": "RANGE", "value": "192.0.2.1-192.0.2.50"}], "proxies": None}])
pol_gs = "00p" + "global0000000000"
w('okta/policies/OKTA_SIGN_ON.json', [{"id": pol_gs, "status": "ACTIVE", "name": "Default Policy", "description": "Default global session policy", "priority": 1, "system": True, "conditions": {"people": {"groups": {"include": [og_every]}}}, "created": "2015-01-01T00:00:00.000Z", "lastUpdated": "2015-01-01T00:00:00.000Z", "type": "OKTA_SIGN_ON"}])
w(f'okta/policies/{pol_gs}/rules.json', [
  {"id": "0pr" + "gsoffsite0000000", "status": "ACTIVE", "name": "MFA off network", "priority": 1, "system": False, "type": "SIGN_ON", "created": "2020-01-01T00:00:00.000Z", "lastUpdated": "2020-01-01T00:00:00.000Z",
   "conditions": {"people": {"users": {"exclude": []}}, "network": {"connection": "ZONE", "exclude": [zone_office]}, "authContext": {"authType": "ANY"}},
   "actions": {"signon": {"access": "ALLOW", "requireFactor": True, "factorPromptMode": "SESSION", "rememberDeviceByDefault": False, "factorLifetime": 15, "primaryFactor": "PASSWORD_IDP_ANY_FACTOR", "session": {"usePersistentCookie": False, "maxSessionIdleMinutes": 120, "maxSessionLifetimeMinutes": 0}}}},
  {"id": "0pr" + "gsdefault0000000", "status": "ACTIVE", "name": "Default Rule", "priority": 2, "system": True, "type": "SIGN_ON", "created": "2015-01-01T00:00:00.000Z", "lastUpdated": "2015-01-01T00:00:00.000Z",
   "conditions": {"people": {"users": {"exclude": []}}, "network": {"connection": "ANYWHERE"}, "authContext": {"authType": "ANY"}},
   "actions": {"signon": {"access": "ALLOW", "requireFactor": False, "primaryFactor": "PASSWORD_IDP_ANY_FACTOR", "session": {"usePersistentCookie": False, "maxSessionIdleMinutes": 120, "maxSessionLifetimeMinutes": 0}}}}])
w('okta/policies/ACCESS_POLICY.json', [
  {"id": pol_app, "status": "ACTIVE", "name": "CRM access", "priority": 1, "system": False, "conditions": None, "created": "2020-01-01T00:00:00.000Z", "lastUpdated": "2020-01-01T00:00:00.000Z", "type": "ACCESS_POLICY"},
  {"id": pol_default_app, "status": "ACTIVE", "name": "Default Policy", "priority": 2, "system": True, "conditions": None, "created": "2015-01-01T00:00:00.000Z", "lastUpdated": "2015-01-01T00:00:00.000Z", "type": "ACCESS_POLICY"}])
def arule(rid, name, prio, system, factorMode, groups=None, access="ALLOW"):
    cond = {"network": {"connection": "ANYWHERE"}, "riskScore": {"level": "ANY"}}
    if groups: cond["people"] = {"groups": {"include": groups}}
    return {"id": rid, "status": "ACTIVE", "name": name, "priority": prio, "system": system, "type": "ACCESS_POLICY", "created": "2020-01-01T00:00:00.000Z", "lastUpdated": "2020-01-01T00:00:00.000Z",
      "conditions": cond, "actions": {"appSignOn": {"access": access, "verificationMethod": {"factorMode": factorMode, "type": "ASSURANCE", "reauthenticateIn": "PT12H", "constraints": [{"knowledge": {"types": ["password"]}}]}}}}
w(f'okta/policies/{pol_app}/rules.json', [arule("0pr" + "crmfinance000000", "Finance 2FA", 0, False, "2FA", [og_fin]), arule("0pr" + "crmcatchall00000", "Catch-all Rule", 99, True, "2FA", access="DENY")])
w(f'okta/policies/{pol_default_app}/rules.json', [arule("0pr" + "defcatchall00000", "Catch-all Rule", 99, True, "1FA")])
for t_ in ["MFA_ENROLL", "PASSWORD"]:
    w(f'okta/policies/{t_}.json', [])
events = []
t = cap - timedelta(days=10)
for i in range(30):
    t += timedelta(minutes=rnd.randint(200, 500))
    u = okta_users[i % 4]
    office = rnd.random() < 0.5
    ip = f"203.0.113.{rnd.randint(2,250)}" if office else f"198.51.100.{rnd.randint(2,250)}"
    app = (oapp_crm, "Contoso CRM", pol_app) if i % 2 == 0 else (oapp_wiki, "Contoso Wiki", pol_default_app)
    finance = u is okta_users[0] or u is okta_users[1]
    if app[0] == oapp_crm and finance: rule, res = "0pr" + "crmfinance000000", "ALLOW"
    elif app[0] == oapp_crm: rule, res = "0pr" + "crmcatchall00000", "DENY"
    else: rule, res = "0pr" + "defcatchall00000", "ALLOW"
    base = {"actor": {"id": u["id"], "type": "User", "alternateId": u["profile"]["login"], "displayName": u["profile"]["firstName"] + " " + u["profile"]["lastName"], "detailEntry": None},
      "client": {"userAgent": {"rawUserAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "os": "Windows 10", "browser": "CHROME"}, "zone": "London office" if office else "null", "device": "Computer", "id": None, "ipAddress": ip,
        "geographicalContext": {"city": "London", "state": "England", "country": "United Kingdom", "postalCode": "EC1A", "geolocation": {"lat": 51.5, "lon": -0.12}}},
      "device": None, "authenticationContext": {"authenticationProvider": None, "credentialProvider": None, "credentialType": None, "issuer": None, "interface": None, "authenticationStep": 0, "rootSessionId": "idx" + str(i), "externalSessionId": "idx" + str(i)},
      "severity": "INFO", "legacyEventType": None, "version": "0",
      "securityContext": {"asNumber": 64500, "asOrg": "example isp", "isp": "example isp", "domain": "example.net", "isProxy": False},
      "debugContext": {"debugData": {"requestId": "req" + str(i), "requestUri": "/idp/idx/identify", "url": "/idp/idx/identify?", "risk": "{level=LOW}"}},
      "transaction": {"type": "WEB", "id": "req" + str(i), "detail": {}}, "request": {"ipChain": [{"ip": ip}]}}
    ev = dict(base); ev.update({"uuid": str(uuid.UUID(int=rnd.getrandbits(128), version=1)), "published": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rnd.randint(0,999):03d}Z",
      "eventType": "policy.evaluate_sign_on", "displayMessage": "Evaluation of sign-on policy",
      "outcome": {"result": res, "reason": "Sign-on policy evaluation resulted in " + res},
      "target": [{"id": app[0], "type": "AppInstance", "alternateId": app[1], "displayName": app[1], "detailEntry": None},
                 {"id": rule, "type": "Rule", "alternateId": "unknown", "displayName": rule, "detailEntry": {"policyRuleFactorMode": "2FA", "policyType": "ACCESS_POLICY"}},
                 {"id": app[2], "type": "Policy", "alternateId": "unknown", "displayName": "policy", "detailEntry": {"policyType": "ACCESS_POLICY"}}]})
    events.append(ev)
    if res == "ALLOW":
        ev2 = dict(base); ev2.update({"uuid": str(uuid.UUID(int=rnd.getrandbits(128), version=1)), "published": (t + timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%S.") + "000Z",
          "eventType": "user.authentication.sso", "displayMessage": "User single sign on to app", "outcome": {"result": "SUCCESS", "reason": None},
          "target": [{"id": app[0], "type": "AppInstance", "alternateId": app[1], "displayName": app[1], "detailEntry": {"signOnModeType": "OPENID_CONNECT"}}]})
        events.append(ev2)
w('okta/logs.jsonl', events, lines=True)
w('least.yaml', None) if False else open(os.path.join(root, 'least.yaml'), 'w').write(
"""# Tenant settings for the bundled demo sample (contract: snapshot-format.md)
guardrails:
  protectedUsers: [breakglass1@contoso.com]
  protectedGroups: [Privileged Admins]
  protectedPolicies: []
sod:
  - id: SOD-FIN-01
    name: Finance controller also administers the ERP
    left:  {groups: [Finance]}
    right: {groups: [Privileged Admins]}
thresholds:
  staleDays: 90
  unusedAccessDays: 90
  retireMinAgeDays: 30
""")
print("ok", len(signins), len(events))
