/** Microsoft Entra Conditional Access: the parsed policy model and its evaluation semantics. */
@NullMarked
package dev.least.policy.entra;

import org.jspecify.annotations.NullMarked;
