from spotlight_trader.cli import main

main()
