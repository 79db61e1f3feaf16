/**
 * Table memory as the hardware holds it (pages of long descriptors with physical addresses, from a budgeted
 * pool), the translation-regime state {@link org.pagewright.arm64.table.PageTables} and the one recursive walk
 * every other package uses.
 */
package org.pagewright.arm64.table;
