/**
 * Terraform equivalents of recommendations' patches (azuread and okta providers), built as plain
 * strings in the layout {@code terraform fmt} produces. {@link
 * dev.least.connector.terraform.TerraformExport} is the public entry point.
 */
@NullMarked
package dev.least.connector.terraform;

import org.jspecify.annotations.NullMarked;
