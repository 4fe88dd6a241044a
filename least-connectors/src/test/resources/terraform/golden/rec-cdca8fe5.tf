# rec-cdca8fe5: remove_unused_access (entra)
# Change: Do the remove_unused_access change on g-sales
# Rationale: Because "the evidence" says so: ${not interpolated}
# Vendor call: DELETE /groups/g-sales/members/u-entra/$ref

# No Terraform equivalent is written for this call: DELETE /groups/g-sales/members/u-entra/$ref. The azuread and okta providers manage it only as part of a resource that Least does not model here (e.g. one group membership or app assignment among many); apply it with the vendor call, or edit the resource that holds it.
