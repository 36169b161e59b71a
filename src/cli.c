/* cli.c: placeholder main while the library takes shape. */
#include <stdio.h>
#include "sr.h"
int main(void) { puts("statusrapport " SR_VERSION); return 0; }
