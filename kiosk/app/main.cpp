#include "passerelle/version.h"
#include <cstdio>
int main() { std::printf("passerelle-kiosk %s\n", PASSERELLE_VERSION); }
