/**
 * Review questions over page-table states: which VAs map a physical range (aliases) and with what rights, whether
 * a secret range is readable through any alias, the kernel's W+X / UXN audit (ptdump_check_wx), and what changed
 * between two states.
 */
package org.pagewright.arm64.query;
