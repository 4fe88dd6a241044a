# rec-91d9ccbd: mfa_coverage_gap (okta)
# Change: Do the mfa_coverage_gap change on pol1
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: PUT /api/v1/policies/pol1/rules/rul1

import {
  to = okta_policy_rule_signon.rec_91d9ccbd
  id = "pol1/rul1"
}

resource "okta_policy_rule_signon" "rec_91d9ccbd" {
  policy_id          = "pol1"
  name               = "Allow password only"
  status             = "ACTIVE"
  priority           = 1
  groups_included    = ["g-admins"]
  network_connection = "ANYWHERE"
  access             = "ALLOW"
  mfa_required       = true
  mfa_prompt         = "ALWAYS"
  mfa_lifetime       = 15
  session_idle       = 120
  session_lifetime   = 0
  session_persistent = false
}
