# rec-1c04df4e: retire_policy (entra)
# Change: Do the retire_policy change on old-policy
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: DELETE /identity/conditionalAccess/policies/old-policy

# Terraform deletes a resource by dropping it from the configuration. If this policy is managed in Terraform, remove its azuread_conditional_access_policy block and apply; if it is not, delete it with the vendor call above (importing it only to destroy it gains nothing). Policy id: old-policy
