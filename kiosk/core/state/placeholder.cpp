namespace passerelle { int corePlaceholder() { return 0; } }
