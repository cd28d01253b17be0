// KlimatnavWire
