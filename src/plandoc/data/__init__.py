"""Package data: the sRGB ICC profile PDF/A output intents embed."""
