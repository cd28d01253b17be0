// KlimatnavCore
