# rec-00c76067: disable_stale_account (entra)
# Change: Do the disable_stale_account change on u-entra
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: PATCH /users/u-entra

import {
  to = azuread_user.rec_00c76067
  id = "u-entra"
}

resource "azuread_user" "rec_00c76067" {
  user_principal_name = "ann@contoso.com"
  display_name        = "Ann Lee"
  account_enabled     = false
}
