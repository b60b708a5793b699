<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>CashierView</name>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Scan or type a barcode, then Enter</source>
        <translation>Scan or type a barcode, then Enter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Scan the first product</source>
        <translation>Scan the first product</translation>
    </message>
    <message>
        <source>Change ¥%1</source>
        <translation>Change ¥%1</translation>
    </message>
    <message>
        <source>Enter or the next scan starts a new sale</source>
        <translation>Enter or the next scan starts a new sale</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>incl. VAT ¥%1</source>
        <translation>incl. VAT ¥%1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Cash payment</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <source>Quantity +1</source>
        <translation>Quantity +1</translation>
    </message>
    <message>
        <source>Quantity −1</source>
        <translation>Quantity −1</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Cash received ¥%1</source>
        <translation>Cash received ¥%1</translation>
    </message>
    <message>
        <source>No sale (open drawer)</source>
        <translation>No sale (open drawer)</translation>
    </message>
    <message>
        <source>Saved ¥%1</source>
        <translation>Saved ¥%1</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>SmartPOS — Cashier</source>
        <translation>SmartPOS — Cashier</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Fresh fruit every morning</source>
        <translation>Fresh fruit every morning</translation>
    </message>
    <message>
        <source>Hot coffee, made to order</source>
        <translation>Hot coffee, made to order</translation>
    </message>
    <message>
        <source>Cold drinks, always chilled</source>
        <translation>Cold drinks, always chilled</translation>
    </message>
    <message>
        <source>Members earn points on every purchase</source>
        <translation>Members earn points on every purchase</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>Your items</translation>
    </message>
    <message>
        <source>Please pay</source>
        <translation>Please pay</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <source>Your change ¥%1</source>
        <translation>Your change ¥%1</translation>
    </message>
    <message>
        <source>Please take your receipt. See you soon!</source>
        <translation>Please take your receipt. See you soon!</translation>
    </message>
    <message>
        <source>Total ¥%1 · cash received ¥%2</source>
        <translation>Total ¥%1 · cash received ¥%2</translation>
    </message>
    <message>
        <source>You save ¥%1</source>
        <translation>You save ¥%1</translation>
    </message>
    <message>
        <source>You saved ¥%1</source>
        <translation>You saved ¥%1</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <source>SmartPOS — Customer display</source>
        <translation>SmartPOS — Customer display</translation>
    </message>
</context>
<context>
    <name>ErrorWindow</name>
    <message>
        <source>SmartPOS cannot start</source>
        <translation>SmartPOS cannot start</translation>
    </message>
    <message>
        <source>No sale was lost: the data files were not changed. Fix the problem above, then start SmartPOS again.</source>
        <translation>No sale was lost: the data files were not changed. Fix the problem above, then start SmartPOS again.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>JoinPanel</name>
    <message>
        <source>Join and earn points</source>
        <translation>Join and earn points</translation>
    </message>
    <message>
        <source>Scan the code with your phone, or type your mobile number</source>
        <translation>Scan the code with your phone, or type your mobile number</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>I&apos;m a member</source>
        <translation>I&apos;m a member</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
</context>
<context>
    <name>KeyHints</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Select line</source>
        <translation>Select line</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <source>Pay cash</source>
        <translation>Pay cash</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Add barcode / next sale</source>
        <translation>Add barcode / next sale</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>No sale</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Happy birthday!</source>
        <translation>Happy birthday!</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <source>Your coupons</source>
        <translation>Your coupons</translation>
    </message>
</context>
<context>
    <name>MemberEntry</name>
    <message>
        <source>Member by phone number</source>
        <translation>Member by phone number</translation>
    </message>
    <message>
        <source>Mobile number, e.g. 138 1234 5678</source>
        <translation>Mobile number, e.g. 138 1234 5678</translation>
    </message>
    <message>
        <source>To sign up, read out and ask: “%1”</source>
        <translation>To sign up, read out and ask: “%1”</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Sign up (agreed)</source>
        <translation>Sign up (agreed)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>MemberStrip</name>
    <message>
        <source>No member — F6 to look up by phone, or scan their member code</source>
        <translation>No member — F6 to look up by phone, or scan their member code</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>Birthday today</translation>
    </message>
    <message>
        <source>Remove last coupon</source>
        <translation>Remove last coupon</translation>
    </message>
    <message>
        <source>Give coupon</source>
        <translation>Give coupon</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Remove member</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Cash payment</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <source>Amount due ¥%1</source>
        <translation>Amount due ¥%1</translation>
    </message>
    <message>
        <source>Cash received, e.g. 100</source>
        <translation>Cash received, e.g. 100</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>Exact amount</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search products by name, SKU or barcode</source>
        <translation>Search products by name, SKU or barcode</translation>
    </message>
</context>
<context>
    <name>SingleWindow</name>
    <message>
        <source>SmartPOS</source>
        <translation>SmartPOS</translation>
    </message>
</context>
<context>
    <name>smartpos::AppData</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: promotions files are at most 1 MiB</source>
        <translation>%1 is %2 bytes: promotions files are at most 1 MiB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>smartpos::CashierController</name>
    <message>
        <source>Sale cancelled.</source>
        <translation>Sale cancelled.</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type it like 100 or 58.50.</source>
        <translation>“%1” is not an amount. Type it like 100 or 58.50.</translation>
    </message>
    <message>
        <source>Sale %1 saved.</source>
        <translation>Sale %1 saved.</translation>
    </message>
    <message>
        <source>Drawer opened (no sale) — recorded</source>
        <translation>Drawer opened (no sale) — recorded</translation>
    </message>
    <message>
        <source>No receipt printer is set up (printer/uri in smartpos.ini).</source>
        <translation>No receipt printer is set up (printer/uri in smartpos.ini).</translation>
    </message>
    <message>
        <source>No sale to reprint yet.</source>
        <translation>No sale to reprint yet.</translation>
    </message>
    <message>
        <source>Receipt of sale %1 queued again (REPRINT).</source>
        <translation>Receipt of sale %1 queued again (REPRINT).</translation>
    </message>
    <message>
        <source>Member (no name)</source>
        <translation>Member (no name)</translation>
    </message>
    <message>
        <source>+%1 this sale</source>
        <comment>points the sale earns</comment>
        <translation>+%1 this sale</translation>
    </message>
    <message>
        <source>Using points: −¥%1 (%2)</source>
        <translation>Using points: −¥%1 (%2)</translation>
    </message>
    <message>
        <source>Use points: −¥%1 (%2)</source>
        <translation>Use points: −¥%1 (%2)</translation>
    </message>
    <message>
        <source>coupon #%1</source>
        <translation>coupon #%1</translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation>Given: %1</translation>
    </message>
    <message>
        <source>for the next visit</source>
        <translation>for the next visit</translation>
    </message>
    <message>
        <source>Member: %1 · %2</source>
        <translation>Member: %1 · %2</translation>
    </message>
    <message>
        <source>The member was taken off this sale.</source>
        <translation>The member was taken off this sale.</translation>
    </message>
    <message>
        <source>No member in this sale: F6 looks one up by phone.</source>
        <translation>No member in this sale: F6 looks one up by phone.</translation>
    </message>
    <message>
        <source>Coupon taken off; it can be used another time.</source>
        <translation>Coupon taken off; it can be used another time.</translation>
    </message>
    <message>
        <source>No coupon to take off.</source>
        <translation>No coupon to take off.</translation>
    </message>
    <message>
        <source>No face-to-face coupons are set up at this till.</source>
        <translation>No face-to-face coupons are set up at this till.</translation>
    </message>
    <message>
        <source>Coupon #%1 given with this sale.</source>
        <translation>Coupon #%1 given with this sale.</translation>
    </message>
</context>
<context>
    <name>smartpos::CatalogStore</name>
    <message>
        <source>PLU %1 already belongs to another product</source>
        <translation>PLU %1 already belongs to another product</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>the first line must be the header: %1</source>
        <translation>the first line must be the header: %1</translation>
    </message>
    <message>
        <source>SKU %1 appears twice in the file</source>
        <translation>SKU %1 appears twice in the file</translation>
    </message>
    <message>
        <source>PLU %1 appears twice in the file</source>
        <translation>PLU %1 appears twice in the file</translation>
    </message>
    <message>
        <source>barcode %1 appears twice in the file</source>
        <translation>barcode %1 appears twice in the file</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>expected 9 fields, found %1</source>
        <translation>expected 9 fields, found %1</translation>
    </message>
    <message>
        <source>the SKU is empty</source>
        <translation>the SKU is empty</translation>
    </message>
    <message>
        <source>barcode &quot;%1&quot; is not a valid EAN-13, EAN-8 or UPC-A</source>
        <translation>barcode &quot;%1&quot; is not a valid EAN-13, EAN-8 or UPC-A</translation>
    </message>
    <message>
        <source>barcode %1 is in the in-store range (prefix 2) kept for scale labels</source>
        <translation>barcode %1 is in the in-store range (prefix 2) kept for scale labels</translation>
    </message>
    <message>
        <source>the product has no name</source>
        <translation>the product has no name</translation>
    </message>
    <message>
        <source>the category is empty</source>
        <translation>the category is empty</translation>
    </message>
    <message>
        <source>price_fen &quot;%1&quot; is not a whole number of fen ≥ 0</source>
        <translation>price_fen &quot;%1&quot; is not a whole number of fen ≥ 0</translation>
    </message>
    <message>
        <source>sold_by &quot;%1&quot; is neither unit nor weight</source>
        <translation>sold_by &quot;%1&quot; is neither unit nor weight</translation>
    </message>
    <message>
        <source>a product sold by weight needs a PLU for scale labels</source>
        <translation>a product sold by weight needs a PLU for scale labels</translation>
    </message>
    <message>
        <source>a product sold by unit needs at least one barcode</source>
        <translation>a product sold by unit needs at least one barcode</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged. Import the catalog again into a new data folder, or restore the file from a backup.</source>
        <translation>The tables of %1 are damaged. Import the catalog again into a new data folder, or restore the file from a backup.</translation>
    </message>
    <message>
        <source>price_fen %1 is above ¥%2, the most one product may cost (unit_price in smartpos.ini)</source>
        <translation>price_fen %1 is above ¥%2, the most one product may cost (unit_price in smartpos.ini)</translation>
    </message>
    <message>
        <source>price_fen &quot;%1&quot; is not a whole number of fen: the column is in fen, so ¥%2 is %3</source>
        <translation>price_fen &quot;%1&quot; is not a whole number of fen: the column is in fen, so ¥%2 is %3</translation>
    </message>
    <message>
        <source>price_fen %1 (¥%2) is above ¥%3, the most one product may cost (unit_price in smartpos.ini)</source>
        <translation>price_fen %1 (¥%2) is above ¥%3, the most one product may cost (unit_price in smartpos.ini)</translation>
    </message>
    <message>
        <source>a product sold by weight needs a price per kg above 0</source>
        <translation>a product sold by weight needs a price per kg above 0</translation>
    </message>
    <message>
        <source>plu &quot;%1&quot; is not a number (digits 0–9 only)</source>
        <translation>plu &quot;%1&quot; is not a number (digits 0–9 only)</translation>
    </message>
    <message>
        <source>plu %1 is zero; scale labels number products from 1</source>
        <translation>plu %1 is zero; scale labels number products from 1</translation>
    </message>
    <message>
        <source>plu %1 has %2 digits, but the scale labels carry %3 (scanner/variable_layouts in smartpos.ini)</source>
        <translation>plu %1 has %2 digits, but the scale labels carry %3 (scanner/variable_layouts in smartpos.ini)</translation>
    </message>
    <message>
        <source>%1 holds a control or invisible character (U+%2): retype it</source>
        <translation>%1 holds a control or invisible character (U+%2): retype it</translation>
    </message>
    <message>
        <source>%1 has %2 characters; at most %3 fit a receipt line</source>
        <translation>%1 has %2 characters; at most %3 fit a receipt line</translation>
    </message>
    <message>
        <source>tax_rate_bp &quot;%1&quot; is not between 0 and %2 (basis points: 13 % is 1300)</source>
        <translation>tax_rate_bp &quot;%1&quot; is not between 0 and %2 (basis points: 13 % is 1300)</translation>
    </message>
    <message>
        <source>tax_rate_bp %1 is %1 basis points, under 1 %: the column is in basis points, so %1 % is %2</source>
        <translation>tax_rate_bp %1 is %1 basis points, under 1 %: the column is in basis points, so %1 % is %2</translation>
    </message>
    <message>
        <source>PLU %1 belongs to %2 (%3), which this file does not list. To move the PLU, list %2 with its new PLU in the same file.</source>
        <translation>PLU %1 belongs to %2 (%3), which this file does not list. To move the PLU, list %2 with its new PLU in the same file.</translation>
    </message>
    <message>
        <source>barcode %1 belongs to %2 (%3), which this file does not list. To move the barcode, list %2 with its other barcodes in the same file.</source>
        <translation>barcode %1 belongs to %2 (%3), which this file does not list. To move the barcode, list %2 with its other barcodes in the same file.</translation>
    </message>
</context>
<context>
    <name>smartpos::ChainKeys</name>
    <message>
        <source>The chain&apos;s code keys are already in %1 (%2). Nothing was changed: codes keygen never replaces keys, since every code made with them would stop checking.</source>
        <translation>The chain&apos;s code keys are already in %1 (%2). Nothing was changed: codes keygen never replaces keys, since every code made with them would stop checking.</translation>
    </message>
    <message>
        <source>OpenSSL could not make an Ed25519 key.</source>
        <translation>OpenSSL could not make an Ed25519 key.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>Cannot rename %1 to %2.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>There are no code keys in %1. `smartpos-admin codes keygen` makes the demo chain&apos;s; in a store they come from the chain.</source>
        <translation>There are no code keys in %1. `smartpos-admin codes keygen` makes the demo chain&apos;s; in a store they come from the chain.</translation>
    </message>
    <message>
        <source>%1 is not %2. Restore it from a backup, or ask the chain for it.</source>
        <translation>%1 is not %2. Restore it from a backup, or ask the chain for it.</translation>
    </message>
    <message>
        <source>an Ed25519 private key (PEM)</source>
        <translation>an Ed25519 private key (PEM)</translation>
    </message>
    <message>
        <source>a list of Ed25519 public keys (PEM)</source>
        <translation>a list of Ed25519 public keys (PEM)</translation>
    </message>
    <message>
        <source>a member-code secret (64 hex digits)</source>
        <translation>a member-code secret (64 hex digits)</translation>
    </message>
    <message>
        <source>The public key of %1 is not in %2: coupons signed here would not check. Restore both from the same backup.</source>
        <translation>The public key of %1 is not in %2: coupons signed here would not check. Restore both from the same backup.</translation>
    </message>
</context>
<context>
    <name>smartpos::CouponPool</name>
    <message>
        <source>%1 exists: campaign %2 has a pool already (--replace writes a new one).</source>
        <translation>%1 exists: campaign %2 has a pool already (--replace writes a new one).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>The folder %1 cannot be made.</translation>
    </message>
    <message>
        <source>The coupon pool %1 cannot be read: %2</source>
        <translation>The coupon pool %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The coupon pool %1 cannot be used (line %2: %3). Write it again with smartpos-admin codes pool, or remove it.</source>
        <translation>The coupon pool %1 cannot be used (line %2: %3). Write it again with smartpos-admin codes pool, or remove it.</translation>
    </message>
    <message>
        <source>not a coupon code</source>
        <translation>not a coupon code</translation>
    </message>
    <message>
        <source>“%1” is not campaign=, name_zh= or name_en=</source>
        <translation>“%1” is not campaign=, name_zh= or name_en=</translation>
    </message>
    <message>
        <source>the campaign= line must come before the codes</source>
        <translation>the campaign= line must come before the codes</translation>
    </message>
    <message>
        <source>the code is not a genuine coupon of this chain</source>
        <translation>the code is not a genuine coupon of this chain</translation>
    </message>
    <message>
        <source>the coupon is of campaign %1</source>
        <translation>the coupon is of campaign %1</translation>
    </message>
    <message>
        <source>the coupon is bound to member %1</source>
        <translation>the coupon is bound to member %1</translation>
    </message>
</context>
<context>
    <name>smartpos::CsvReader</name>
    <message>
        <source>a quoted field is never closed</source>
        <translation>a quoted field is never closed</translation>
    </message>
    <message>
        <source>this build cannot read GB18030 (Qt without ICU): save the file as UTF-8 (in Excel: “CSV UTF-8”)</source>
        <translation>this build cannot read GB18030 (Qt without ICU): save the file as UTF-8 (in Excel: “CSV UTF-8”)</translation>
    </message>
    <message>
        <source>this line is not UTF-8 text; it looks like GB18030/GBK, as Excel saves CSV on Chinese Windows: import the file with --encoding gb18030, or save it as “CSV UTF-8”</source>
        <translation>this line is not UTF-8 text; it looks like GB18030/GBK, as Excel saves CSV on Chinese Windows: import the file with --encoding gb18030, or save it as “CSV UTF-8”</translation>
    </message>
    <message>
        <source>this line is not UTF-8 text: save the file as UTF-8 (in Excel: “CSV UTF-8”)</source>
        <translation>this line is not UTF-8 text: save the file as UTF-8 (in Excel: “CSV UTF-8”)</translation>
    </message>
    <message>
        <source>this line is UTF-8 text, not GB18030: import the file without --encoding gb18030</source>
        <translation>this line is UTF-8 text, not GB18030: import the file without --encoding gb18030</translation>
    </message>
    <message>
        <source>this line is not GB18030/GBK text: save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it without --encoding</source>
        <translation>this line is not GB18030/GBK text: save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it without --encoding</translation>
    </message>
</context>
<context>
    <name>smartpos::CustomerDisplay</name>
    <message>
        <source>Hello, %1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <source>You earned %1</source>
        <translation>You earned %1</translation>
    </message>
    <message>
        <source>You earn %1 with this sale</source>
        <translation>You earn %1 with this sale</translation>
    </message>
    <message>
        <source>You paid with %1</source>
        <translation>You paid with %1</translation>
    </message>
    <message>
        <source>%1 pay ¥%2</source>
        <comment>points</comment>
        <translation>%1 pay ¥%2</translation>
    </message>
    <message>
        <source>Your points: %1</source>
        <translation>Your points: %1</translation>
    </message>
    <message>
        <source>This number is not a member yet. Tick the box and tap Join.</source>
        <translation>This number is not a member yet. Tick the box and tap Join.</translation>
    </message>
    <message>
        <source>That did not work. The cashier can help.</source>
        <translation>That did not work. The cashier can help.</translation>
    </message>
    <message>
        <source>Welcome! You earn points with this sale.</source>
        <translation>Welcome! You earn points with this sale.</translation>
    </message>
</context>
<context>
    <name>smartpos::DataDirLock</name>
    <message>
        <source>Cannot create the lock file in %1. Check that the folder is writable.</source>
        <translation>Cannot create the lock file in %1. Check that the folder is writable.</translation>
    </message>
    <message>
        <source>Cannot lock the data folder %1.</source>
        <translation>Cannot lock the data folder %1.</translation>
    </message>
    <message>
        <source>Another SmartPOS (%1) is using the data folder %2. Close it first: two tills on one ledger would corrupt the sequence of sales.</source>
        <translation>Another SmartPOS (%1) is using the data folder %2. Close it first: two tills on one ledger would corrupt the sequence of sales.</translation>
    </message>
</context>
<context>
    <name>smartpos::Database</name>
    <message>
        <source>The data folder %1 does not exist.</source>
        <translation>The data folder %1 does not exist.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Cannot create %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode is %2).</source>
        <translation>%1 cannot use write-ahead logging (journal mode is %2).</translation>
    </message>
    <message>
        <source>%1 refuses synchronous=FULL; sales would not be durable.</source>
        <translation>%1 refuses synchronous=FULL; sales would not be durable.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was saved; free some space and try again.</source>
        <translation>The disk holding %1 is full. Nothing was saved; free some space and try again.</translation>
    </message>
    <message>
        <source>%1 is read-only. Nothing was saved; check the file&apos;s permissions and the disk.</source>
        <translation>%1 is read-only. Nothing was saved; check the file&apos;s permissions and the disk.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a SmartPOS database. It was left untouched; restore it from a backup or call support.</source>
        <translation>%1 is damaged or is not a SmartPOS database. It was left untouched; restore it from a backup or call support.</translation>
    </message>
    <message>
        <source>Cannot open %1. Check that the folder exists and is writable.</source>
        <translation>Cannot open %1. Check that the folder exists and is writable.</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder.</source>
        <translation>The data folder %1 is a file, not a folder.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Check that its parent exists and is writable.</source>
        <translation>Cannot create the data folder %1. Check that its parent exists and is writable.</translation>
    </message>
    <message>
        <source>The disk reported an error on %1 (%2): it may be full or failing. Nothing was saved; free some space or check the disk, then try again.</source>
        <translation>The disk reported an error on %1 (%2): it may be full or failing. Nothing was saved; free some space or check the disk, then try again.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>%1 was written by a newer SmartPOS (schema %2, this version knows %3). Nothing was changed; install the newer SmartPOS again.</source>
        <translation>%1 was written by a newer SmartPOS (schema %2, this version knows %3). Nothing was changed; install the newer SmartPOS again.</translation>
    </message>
    <message>
        <source>%1 has schema %2 and needs an upgrade to %3: start SmartPOS once (it backs the file up first), then try again.</source>
        <translation>%1 has schema %2 and needs an upgrade to %3: start SmartPOS once (it backs the file up first), then try again.</translation>
    </message>
    <message>
        <source>Cannot back up %1 before upgrading it: %2</source>
        <translation>Cannot back up %1 before upgrading it: %2</translation>
    </message>
    <message>
        <source>%1-wal does not belong to %1 (its pages are %2 bytes, the file&apos;s %3): one of them was copied or restored without the other. Nothing was changed. Stop SmartPOS; if %1 is the copy to keep (a restored backup), move %1-wal and %1-shm to another folder, else restore all three from one backup.</source>
        <translation>%1-wal does not belong to %1 (its pages are %2 bytes, the file&apos;s %3): one of them was copied or restored without the other. Nothing was changed. Stop SmartPOS; if %1 is the copy to keep (a restored backup), move %1-wal and %1-shm to another folder, else restore all three from one backup.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>no details</translation>
    </message>
    <message>
        <source>%1 was changed by another program while SmartPOS was reading it. Nothing was saved; try again.</source>
        <translation>%1 was changed by another program while SmartPOS was reading it. Nothing was saved; try again.</translation>
    </message>
    <message>
        <source>%1 was moved, renamed or replaced while SmartPOS had it open. Nothing was saved. Close SmartPOS and start it again; move or restore data files only while SmartPOS is closed.</source>
        <translation>%1 was moved, renamed or replaced while SmartPOS had it open. Nothing was saved. Close SmartPOS and start it again; move or restore data files only while SmartPOS is closed.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a SmartPOS database; it was left untouched. A likely cause is that %1-wal beside it belongs to another copy (a backup restored over %1 alone, or a file from another till). Stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start again; if it is still refused, restore %1 from a backup or call support.</source>
        <translation>%1 is damaged or is not a SmartPOS database; it was left untouched. A likely cause is that %1-wal beside it belongs to another copy (a backup restored over %1 alone, or a file from another till). Stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start again; if it is still refused, restore %1 from a backup or call support.</translation>
    </message>
    <message>
        <source>%1 is locked by another program (a database viewer, a backup or copy tool, another SmartPOS) and stayed locked for more than %2 seconds. Close that program and try again.</source>
        <translation>%1 is locked by another program (a database viewer, a backup or copy tool, another SmartPOS) and stayed locked for more than %2 seconds. Close that program and try again.</translation>
    </message>
    <message>
        <source>%1 is in use by another task of SmartPOS. Nothing was saved; try again, and restart SmartPOS if this keeps happening.</source>
        <translation>%1 is in use by another task of SmartPOS. Nothing was saved; try again, and restart SmartPOS if this keeps happening.</translation>
    </message>
    <message>
        <source>Database error on %1: %2. Try again; if it keeps happening, call support with this message.</source>
        <translation>Database error on %1: %2. Try again; if it keeps happening, call support with this message.</translation>
    </message>
</context>
<context>
    <name>smartpos::DeviceController</name>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>not used: %1</source>
        <translation>not used: %1</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Hold the code up to the camera. F4 closes this view.</source>
        <translation>Hold the code up to the camera. F4 closes this view.</translation>
    </message>
    <message>
        <source>%1. Plug the camera in and press F4 again, or use the scanner.</source>
        <translation>%1. Plug the camera in and press F4 again, or use the scanner.</translation>
    </message>
    <message>
        <source>Promotions not applied</source>
        <translation>Promotions not applied</translation>
    </message>
    <message>
        <source>Members and coupons</source>
        <translation>Members and coupons</translation>
    </message>
</context>
<context>
    <name>smartpos::KeyFolder</name>
    <message>
        <source>The key folder %1 is a file, not a folder.</source>
        <translation>The key folder %1 is a file, not a folder.</translation>
    </message>
    <message>
        <source>Cannot create the key folder %1. Check that its parent is writable, or choose another with --key-dir.</source>
        <translation>Cannot create the key folder %1. Check that its parent is writable, or choose another with --key-dir.</translation>
    </message>
    <message>
        <source>Cannot read the terminal key %1: %2</source>
        <translation>Cannot read the terminal key %1: %2</translation>
    </message>
    <message>
        <source>The terminal key %1 is damaged. Restore it from the backup of this terminal&apos;s key folder.</source>
        <translation>The terminal key %1 is damaged. Restore it from the backup of this terminal&apos;s key folder.</translation>
    </message>
    <message>
        <source>The system could not provide random bytes for a key.</source>
        <translation>The system could not provide random bytes for a key.</translation>
    </message>
    <message>
        <source>The anchor %1 is damaged or was not written with this terminal&apos;s key.</source>
        <translation>The anchor %1 is damaged or was not written with this terminal&apos;s key.</translation>
    </message>
    <message>
        <source>Cannot write the anchor in %1: %2</source>
        <translation>Cannot write the anchor in %1: %2</translation>
    </message>
    <message>
        <source>Cannot write the anchor in %1.</source>
        <translation>Cannot write the anchor in %1.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Cannot create %1.</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>Cannot move %1 to %2.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>smartpos::Ledger</name>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>A sale needs at least one line.</translation>
    </message>
    <message>
        <source>entry %1 is missing</source>
        <translation>entry %1 is missing</translation>
    </message>
    <message>
        <source>the entry was moved from position %1</source>
        <translation>the entry was moved from position %1</translation>
    </message>
    <message>
        <source>its payload is not a sale record of version %1</source>
        <translation>its payload is not a sale record of version %1</translation>
    </message>
    <message>
        <source>it names another terminal</source>
        <translation>it names another terminal</translation>
    </message>
    <message>
        <source>its sale row is missing</source>
        <translation>its sale row is missing</translation>
    </message>
    <message>
        <source>its sale row was changed</source>
        <translation>its sale row was changed</translation>
    </message>
    <message>
        <source>line %1 is missing</source>
        <translation>line %1 is missing</translation>
    </message>
    <message>
        <source>line %1 was changed</source>
        <translation>line %1 was changed</translation>
    </message>
    <message>
        <source>it has a line it did not record</source>
        <translation>it has a line it did not record</translation>
    </message>
    <message>
        <source>adjustment %1 is missing</source>
        <translation>adjustment %1 is missing</translation>
    </message>
    <message>
        <source>adjustment %1 was changed</source>
        <translation>adjustment %1 was changed</translation>
    </message>
    <message>
        <source>it has an adjustment it did not record</source>
        <translation>it has an adjustment it did not record</translation>
    </message>
    <message>
        <source>tender %1 is missing</source>
        <translation>tender %1 is missing</translation>
    </message>
    <message>
        <source>tender %1 was changed</source>
        <translation>tender %1 was changed</translation>
    </message>
    <message>
        <source>it has a tender it did not record</source>
        <translation>it has a tender it did not record</translation>
    </message>
    <message>
        <source>its lines, adjustments and tenders do not add up to its total</source>
        <translation>its lines, adjustments and tenders do not add up to its total</translation>
    </message>
    <message>
        <source>its payload is not a no-sale record of version %1</source>
        <translation>its payload is not a no-sale record of version %1</translation>
    </message>
    <message>
        <source>There is no terminal key in %1, so the journal cannot be checked. Give the key folder with --key-dir.</source>
        <translation>There is no terminal key in %1, so the journal cannot be checked. Give the key folder with --key-dir.</translation>
    </message>
    <message>
        <source>The terminal key for %1 is missing from %2. Restore the key folder from this terminal&apos;s backup; SmartPOS will not start a ledger it cannot check.</source>
        <translation>The terminal key for %1 is missing from %2. Restore the key folder from this terminal&apos;s backup; SmartPOS will not start a ledger it cannot check.</translation>
    </message>
    <message>
        <source>%1 is missing, but this terminal had recorded %2 journal entries (its anchor in %3). Restore the ledger from a backup. To start over without it, an operator runs: smartpos-admin ledger start-over --reason TEXT (it is audited).</source>
        <translation>%1 is missing, but this terminal had recorded %2 journal entries (its anchor in %3). Restore the ledger from a backup. To start over without it, an operator runs: smartpos-admin ledger start-over --reason TEXT (it is audited).</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged (a statement cannot be prepared). Restore it from a backup.</source>
        <translation>The tables of %1 are damaged (a statement cannot be prepared). Restore it from a backup.</translation>
    </message>
    <message>
        <source>The anchor of this terminal is missing from %1. Restore the key folder from this terminal&apos;s backup.</source>
        <translation>The anchor of this terminal is missing from %1. Restore the key folder from this terminal&apos;s backup.</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is not the one this terminal recorded (its anchor): the journal was rewritten. Restore the newest backup.</source>
        <translation>Entry %1 of %2 is not the one this terminal recorded (its anchor): the journal was rewritten. Restore the newest backup.</translation>
    </message>
    <message>
        <source>The last entry of %1 was not sealed with this terminal&apos;s key (%2): the ledger or the key folder belongs to another terminal, or the journal was forged.</source>
        <translation>The last entry of %1 was not sealed with this terminal&apos;s key (%2): the ledger or the key folder belongs to another terminal, or the journal was forged.</translation>
    </message>
    <message>
        <source>The journal of %1 is broken at entry %2, so it cannot be upgraded. Nothing was changed; restore it from a backup or call support.</source>
        <translation>The journal of %1 is broken at entry %2, so it cannot be upgraded. Nothing was changed; restore it from a backup or call support.</translation>
    </message>
    <message>
        <source>The ledger was opened only to be read.</source>
        <translation>The ledger was opened only to be read.</translation>
    </message>
    <message>
        <source>The tenders do not pay the total ¥%1 exactly.</source>
        <translation>The tenders do not pay the total ¥%1 exactly.</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>the file is damaged (%1)</translation>
    </message>
    <message>
        <source>the append-only guard %1 of the ledger was removed</source>
        <translation>the append-only guard %1 of the ledger was removed</translation>
    </message>
    <message>
        <source>the anchor of this terminal is missing</source>
        <translation>the anchor of this terminal is missing</translation>
    </message>
    <message>
        <source>its MAC does not match: the entry, or one before it, was changed or forged</source>
        <translation>its MAC does not match: the entry, or one before it, was changed or forged</translation>
    </message>
    <message>
        <source>its kind “%1” (version %2) is unknown to this SmartPOS</source>
        <translation>its kind “%1” (version %2) is unknown to this SmartPOS</translation>
    </message>
    <message>
        <source>it has %1 rows but is not a %1 entry</source>
        <translation>it has %1 rows but is not a %1 entry</translation>
    </message>
    <message>
        <source>the outbox has an event no entry made</source>
        <translation>the outbox has an event no entry made</translation>
    </message>
    <message>
        <source>its outbox event is missing</source>
        <translation>its outbox event is missing</translation>
    </message>
    <message>
        <source>its print job was changed</source>
        <translation>its print job was changed</translation>
    </message>
    <message>
        <source>a print job points at no entry</source>
        <translation>a print job points at no entry</translation>
    </message>
    <message>
        <source>its print job is missing</source>
        <translation>its print job is missing</translation>
    </message>
    <message>
        <source>it is not the entry this terminal recorded (its anchor)</source>
        <translation>it is not the entry this terminal recorded (its anchor)</translation>
    </message>
    <message>
        <source>its %1 rows have no journal entry</source>
        <translation>its %1 rows have no journal entry</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing: this terminal recorded them (its anchor)</source>
        <translation>entries %1 to %2 are missing: this terminal recorded them (its anchor)</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged (%2). Restore it from a backup.</source>
        <translation>The tables of %1 are damaged (%2). Restore it from a backup.</translation>
    </message>
    <message>
        <source>%1 ends at entry %2, but this terminal had recorded %3 (its anchor): the ledger was truncated or replaced by an older copy. Restore the newest backup; SmartPOS will not sell on a ledger that lost entries. If this is the newest there is, an operator accepts the loss with: smartpos-admin ledger accept-restore --reason TEXT (it is audited).</source>
        <translation>%1 ends at entry %2, but this terminal had recorded %3 (its anchor): the ledger was truncated or replaced by an older copy. Restore the newest backup; SmartPOS will not sell on a ledger that lost entries. If this is the newest there is, an operator accepts the loss with: smartpos-admin ledger accept-restore --reason TEXT (it is audited).</translation>
    </message>
    <message>
        <source> If %1 was restored or copied, the %1-wal beside it may belong to another copy: stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start again.</source>
        <translation> If %1 was restored or copied, the %1-wal beside it may belong to another copy: stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start again.</translation>
    </message>
    <message>
        <source>it has a member it did not record</source>
        <translation>it has a member it did not record</translation>
    </message>
    <message>
        <source>its member row is missing</source>
        <translation>its member row is missing</translation>
    </message>
    <message>
        <source>its member row (points) was changed</source>
        <translation>its member row (points) was changed</translation>
    </message>
    <message>
        <source>handed-out coupon %1 is missing</source>
        <translation>handed-out coupon %1 is missing</translation>
    </message>
    <message>
        <source>written-off coupon %1 is missing</source>
        <translation>written-off coupon %1 is missing</translation>
    </message>
    <message>
        <source>handed-out coupon %1 was changed</source>
        <translation>handed-out coupon %1 was changed</translation>
    </message>
    <message>
        <source>written-off coupon %1 was changed</source>
        <translation>written-off coupon %1 was changed</translation>
    </message>
    <message>
        <source>it has a coupon it did not record</source>
        <translation>it has a coupon it did not record</translation>
    </message>
    <message>
        <source>its payload is not a member sign-up of version %1</source>
        <translation>its payload is not a member sign-up of version %1</translation>
    </message>
    <message>
        <source>its member row was changed</source>
        <translation>its member row was changed</translation>
    </message>
    <message>
        <source>This phone number signed up at this till before (member %1).</source>
        <translation>This phone number signed up at this till before (member %1).</translation>
    </message>
    <message>
        <source>The ledger is not open.</source>
        <translation>The ledger is not open.</translation>
    </message>
</context>
<context>
    <name>smartpos::MemberStore</name>
    <message>
        <source>points %1 is above %2, more than any member holds: a wrong column?</source>
        <translation>points %1 is above %2, more than any member holds: a wrong column?</translation>
    </message>
    <message>
        <source>points &quot;%1&quot; is not a whole number ≥ 0</source>
        <translation>points &quot;%1&quot; is not a whole number ≥ 0</translation>
    </message>
    <message>
        <source>consent_utc &quot;%1&quot; is not a UTC time such as 2025-03-01T08:00:00Z</source>
        <translation>consent_utc &quot;%1&quot; is not a UTC time such as 2025-03-01T08:00:00Z</translation>
    </message>
    <message>
        <source>expected 7 fields, found %1</source>
        <translation>expected 7 fields, found %1</translation>
    </message>
    <message>
        <source>member_id &quot;%1&quot; is not 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>member_id &quot;%1&quot; is not 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;</translation>
    </message>
    <message>
        <source>phone &quot;%1&quot; is not a mainland mobile number (11 digits starting with 1, optionally +86)</source>
        <translation>phone &quot;%1&quot; is not a mainland mobile number (11 digits starting with 1, optionally +86)</translation>
    </message>
    <message>
        <source>tier &quot;%1&quot; is not one of %2</source>
        <translation>tier &quot;%1&quot; is not one of %2</translation>
    </message>
    <message>
        <source>birthday &quot;%1&quot; is not a day of the year as MM-DD (03-15)</source>
        <translation>birthday &quot;%1&quot; is not a day of the year as MM-DD (03-15)</translation>
    </message>
    <message>
        <source>member %1 appears twice in the file</source>
        <translation>member %1 appears twice in the file</translation>
    </message>
    <message>
        <source>phone %1 appears twice in the file</source>
        <translation>phone %1 appears twice in the file</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged. Import the members again into a new data folder, or restore the file from a backup.</source>
        <translation>The tables of %1 are damaged. Import the members again into a new data folder, or restore the file from a backup.</translation>
    </message>
    <message>
        <source>phone %1 belongs to member %2, which keeps it: give %2 another phone first</source>
        <translation>phone %1 belongs to member %2, which keeps it: give %2 another phone first</translation>
    </message>
</context>
<context>
    <name>smartpos::MemberTexts</name>
    <message>
        <source>Silver</source>
        <comment>member tier (银卡)</comment>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>member tier (金卡)</comment>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <comment>member tier (白金卡)</comment>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>I agree to the member terms and privacy policy</source>
        <translation>I agree to the member terms and privacy policy</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message>
        <source>¥%1 off coupon</source>
        <comment>代金券: ¥%1 代金券</comment>
        <translation>¥%1 off coupon</translation>
    </message>
    <message>
        <source>%1% off coupon</source>
        <comment>折扣券; %1 = percent off, %2 = the 折 (9 for 10% off): translate as %2折券</comment>
        <translation>%1% off coupon</translation>
    </message>
    <message>
        <source>Spend ¥%1, get ¥%2 off</source>
        <comment>满减券: 满%1减%2</comment>
        <translation>Spend ¥%1, get ¥%2 off</translation>
    </message>
    <message>
        <source>Free item: %1 × %2</source>
        <comment>提货券</comment>
        <translation>Free item: %1 × %2</translation>
    </message>
    <message>
        <source>Free item: %1</source>
        <comment>提货券</comment>
        <translation>Free item: %1</translation>
    </message>
    <message>
        <source>over ¥%1</source>
        <comment>满%1可用</comment>
        <translation>over ¥%1</translation>
    </message>
    <message>
        <source>not with these promotions</source>
        <translation>not with these promotions</translation>
    </message>
    <message>
        <source>cannot be used</source>
        <translation>cannot be used</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>not valid yet</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>needs its member</source>
        <translation>needs its member</translation>
    </message>
    <message>
        <source>for another member</source>
        <translation>for another member</translation>
    </message>
    <message>
        <source>add the product to use it</source>
        <translation>add the product to use it</translation>
    </message>
    <message>
        <source>not for these products</source>
        <translation>not for these products</translation>
    </message>
    <message>
        <source>spend ¥%1 more</source>
        <translation>spend ¥%1 more</translation>
    </message>
    <message>
        <source>spend more to use it</source>
        <translation>spend more to use it</translation>
    </message>
</context>
<context>
    <name>smartpos::Outbox</name>
    <message>
        <source>The outbox of %1 is damaged. Restore the ledger from a backup.</source>
        <translation>The outbox of %1 is damaged. Restore the ledger from a backup.</translation>
    </message>
</context>
<context>
    <name>smartpos::PrintQueue</name>
    <message>
        <source>The print queue of %1 is damaged. Restore the ledger from a backup.</source>
        <translation>The print queue of %1 is damaged. Restore the ledger from a backup.</translation>
    </message>
    <message>
        <source>There is no journal entry %1 to reprint.</source>
        <translation>There is no journal entry %1 to reprint.</translation>
    </message>
</context>
<context>
    <name>smartpos::PrintSpooler</name>
    <message numerus="yes">
        <source>Printer not reachable (%1): sales are saved, %n receipt(s) waiting.</source>
        <translation>
            <numerusform>Printer not reachable (%1): sales are saved, %n receipt waiting.</numerusform>
            <numerusform>Printer not reachable (%1): sales are saved, %n receipts waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer out of paper: sales are saved, %n receipt(s) waiting. Load paper.</source>
        <translation>
            <numerusform>Printer out of paper: sales are saved, %n receipt waiting. Load paper.</numerusform>
            <numerusform>Printer out of paper: sales are saved, %n receipts waiting. Load paper.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer cover open: sales are saved, %n receipt(s) waiting. Close the cover.</source>
        <translation>
            <numerusform>Printer cover open: sales are saved, %n receipt waiting. Close the cover.</numerusform>
            <numerusform>Printer cover open: sales are saved, %n receipts waiting. Close the cover.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer offline or in error: sales are saved, %n receipt(s) waiting. Check the printer.</source>
        <translation>
            <numerusform>Printer offline or in error: sales are saved, %n receipt waiting. Check the printer.</numerusform>
            <numerusform>Printer offline or in error: sales are saved, %n receipts waiting. Check the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print job %1 is of a kind this version cannot print (%2).</source>
        <translation>Print job %1 is of a kind this version cannot print (%2).</translation>
    </message>
    <message>
        <source>The sale of print job %1 cannot be read from the ledger: run smartpos-admin ledger verify.</source>
        <translation>The sale of print job %1 cannot be read from the ledger: run smartpos-admin ledger verify.</translation>
    </message>
    <message numerus="yes">
        <source>Receipt not printed (%1): the sale is saved, %n receipt(s) waiting.</source>
        <translation>
            <numerusform>Receipt not printed (%1): the sale is saved, %n receipt waiting.</numerusform>
            <numerusform>Receipt not printed (%1): the sale is saved, %n receipts waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smartpos::PrinterLink</name>
    <message>
        <source>%1 is gone: was the printer unplugged?</source>
        <translation>%1 is gone: was the printer unplugged?</translation>
    </message>
    <message>
        <source>Cannot open %1: the folder %2 does not exist</source>
        <translation>Cannot open %1: the folder %2 does not exist</translation>
    </message>
    <message>
        <source>%1 does not exist: is the printer plugged in and switched on?</source>
        <translation>%1 does not exist: is the printer plugged in and switched on?</translation>
    </message>
    <message>
        <source>%1 is a folder, not a printer</source>
        <translation>%1 is a folder, not a printer</translation>
    </message>
    <message>
        <source>Permission denied on %1: add the user to the lp group, see docs/hardware.md</source>
        <translation>Permission denied on %1: add the user to the lp group, see docs/hardware.md</translation>
    </message>
    <message>
        <source>No printer answers at %1: is it plugged in and switched on?</source>
        <translation>No printer answers at %1: is it plugged in and switched on?</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>The printer at %1 stopped answering: was it unplugged or switched off?</source>
        <translation>The printer at %1 stopped answering: was it unplugged or switched off?</translation>
    </message>
    <message>
        <source>Cannot write to %1: the disk is full</source>
        <translation>Cannot write to %1: the disk is full</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>Cannot write to %1: %2</translation>
    </message>
    <message>
        <source>The printer at %1 stopped taking data: is it out of paper, is its cover open or is it switched off?</source>
        <translation>The printer at %1 stopped taking data: is it out of paper, is its cover open or is it switched off?</translation>
    </message>
    <message>
        <source>The connection to the printer at %1 was closed</source>
        <translation>The connection to the printer at %1 was closed</translation>
    </message>
    <message>
        <source>The printer at %1 is still busy with the previous job</source>
        <translation>The printer at %1 is still busy with the previous job</translation>
    </message>
    <message>
        <source>The connection to the printer at %1 is closed</source>
        <translation>The connection to the printer at %1 is closed</translation>
    </message>
    <message>
        <source>In “%1” the USB vendor and product ids must be two hex numbers like usb://0416:5011</source>
        <translation>In “%1” the USB vendor and product ids must be two hex numbers like usb://0416:5011</translation>
    </message>
    <message>
        <source>In “%1” the serial number contains “/”: write it as %2</source>
        <translation>In “%1” the serial number contains “/”: write it as %2</translation>
    </message>
    <message>
        <source>In “%1” the printer&apos;s host name or address is missing</source>
        <translation>In “%1” the printer&apos;s host name or address is missing</translation>
    </message>
    <message>
        <source>“%1” is not a network printer address: write tcp://HOST:9100</source>
        <translation>“%1” is not a network printer address: write tcp://HOST:9100</translation>
    </message>
    <message>
        <source>In “%1” the port must be a number from 1 to 65535</source>
        <translation>In “%1” the port must be a number from 1 to 65535</translation>
    </message>
    <message>
        <source>In “%1” the baud rate must be a whole number like baud=115200</source>
        <translation>In “%1” the baud rate must be a whole number like baud=115200</translation>
    </message>
    <message>
        <source>In “%1” flow must be rtscts, xonxoff or none</source>
        <translation>In “%1” flow must be rtscts, xonxoff or none</translation>
    </message>
    <message>
        <source>In “%1” “%2” is not a serial port option (baud and flow are)</source>
        <translation>In “%1” “%2” is not a serial port option (baud and flow are)</translation>
    </message>
    <message>
        <source>In “%1” the device path must follow three slashes, like %2</source>
        <translation>In “%1” the device path must follow three slashes, like %2</translation>
    </message>
    <message>
        <source>“%1”: a file printer takes no options</source>
        <translation>“%1”: a file printer takes no options</translation>
    </message>
    <message>
        <source>“%1” is not a printer address: write usb://VID:PID, serial:///dev/ttyUSB0, tcp://HOST:9100 or file:///dev/usb/lp0</source>
        <translation>“%1” is not a printer address: write usb://VID:PID, serial:///dev/ttyUSB0, tcp://HOST:9100 or file:///dev/usb/lp0</translation>
    </message>
    <message>
        <source>The printer at %1 does not answer</source>
        <translation>The printer at %1 does not answer</translation>
    </message>
    <message>
        <source>The printer at %1 refuses the connection: is the address right, or is another computer using it?</source>
        <translation>The printer at %1 refuses the connection: is the address right, or is another computer using it?</translation>
    </message>
    <message>
        <source>The printer&apos;s address %1 is not known: check the host name</source>
        <translation>The printer&apos;s address %1 is not known: check the host name</translation>
    </message>
    <message>
        <source>The printer at %1 closed the connection</source>
        <translation>The printer at %1 closed the connection</translation>
    </message>
    <message>
        <source>The printer at %1 was disconnected</source>
        <translation>The printer at %1 was disconnected</translation>
    </message>
    <message>
        <source>There is no serial port %1: is the printer&apos;s cable plugged in?</source>
        <translation>There is no serial port %1: is the printer&apos;s cable plugged in?</translation>
    </message>
    <message>
        <source>Cannot open %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</source>
        <translation>Cannot open %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</translation>
    </message>
    <message>
        <source>Cannot open the serial port %1: %2</source>
        <translation>Cannot open the serial port %1: %2</translation>
    </message>
    <message>
        <source>USB is not available on this computer: %1</source>
        <translation>USB is not available on this computer: %1</translation>
    </message>
    <message>
        <source>The USB printer %1 was unplugged or switched off</source>
        <translation>The USB printer %1 was unplugged or switched off</translation>
    </message>
    <message>
        <source>No USB printer %1 is connected</source>
        <translation>No USB printer %1 is connected</translation>
    </message>
    <message>
        <source>Permission denied on the USB printer %1: install resources/udev/60-smartpos.rules, see docs/hardware.md</source>
        <translation>Permission denied on the USB printer %1: install resources/udev/60-smartpos.rules, see docs/hardware.md</translation>
    </message>
    <message>
        <source>The USB printer %1 is in use by another program</source>
        <translation>The USB printer %1 is in use by another program</translation>
    </message>
    <message>
        <source>The USB printer %1 does not answer</source>
        <translation>The USB printer %1 does not answer</translation>
    </message>
    <message>
        <source>The USB device %1 is not a printer SmartPOS can use</source>
        <translation>The USB device %1 is not a printer SmartPOS can use</translation>
    </message>
    <message>
        <source>The USB printer %1 failed: %2</source>
        <translation>The USB printer %1 failed: %2</translation>
    </message>
    <message>
        <source>Cannot list the USB devices: %1</source>
        <translation>Cannot list the USB devices: %1</translation>
    </message>
    <message>
        <source>“%1” is not a serial port address: write serial:///dev/ttyUSB0</source>
        <translation>“%1” is not a serial port address: write serial:///dev/ttyUSB0</translation>
    </message>
</context>
<context>
    <name>smartpos::Promotions</name>
    <message>
        <source>&quot;%1&quot; is not a field of a %2 promotion</source>
        <translation>&quot;%1&quot; is not a field of a %2 promotion</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>unknown field &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>&quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text that is not empty</source>
        <translation>&quot;%1&quot; must be text that is not empty</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>&quot;%1&quot; must be true or false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation>&quot;%1&quot; must be a whole number</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2 to %3, not %4</source>
        <translation>&quot;%1&quot; must be %2 to %3, not %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of text with at least one entry</source>
        <translation>&quot;%1&quot; must be a list of text with at least one entry</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names &quot;%2&quot; twice</source>
        <translation>&quot;%1&quot; names &quot;%2&quot; twice</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an amount in yuan with at most two decimals, such as &quot;12.50&quot;</source>
        <translation>&quot;%1&quot; must be an amount in yuan with at most two decimals, such as &quot;12.50&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative (¥%2)</source>
        <translation>&quot;%1&quot; is negative (¥%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be more than ¥0</source>
        <translation>&quot;%1&quot; must be more than ¥0</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is above ¥%2, the most any amount may be</source>
        <translation>&quot;%1&quot; is above ¥%2, the most any amount may be</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number of percent, such as 10 for 10 % off</source>
        <translation>&quot;%1&quot; must be a number of percent, such as 10 for 10 % off</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 %, more than 100 %</source>
        <translation>&quot;%1&quot; is %2 %, more than 100 %</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be more than 0 %</source>
        <translation>&quot;%1&quot; must be more than 0 %</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may have at most two decimals</source>
        <translation>&quot;%1&quot; may have at most two decimals</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a time of day such as &quot;15:00&quot; (00:00 to 24:00)</source>
        <translation>&quot;%1&quot; must be a time of day such as &quot;15:00&quot; (00:00 to 24:00)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date such as &quot;2026-12-31&quot;</source>
        <translation>&quot;%1&quot; must be a date such as &quot;2026-12-31&quot;</translation>
    </message>
    <message>
        <source>&quot;when&quot; must be an object with &quot;days&quot;, &quot;from&quot;, &quot;until&quot;, &quot;first_day&quot; and &quot;last_day&quot;, each optional</source>
        <translation>&quot;when&quot; must be an object with &quot;days&quot;, &quot;from&quot;, &quot;until&quot;, &quot;first_day&quot; and &quot;last_day&quot;, each optional</translation>
    </message>
    <message>
        <source>&quot;days&quot;: &quot;%1&quot; is not one of %2</source>
        <translation>&quot;days&quot;: &quot;%1&quot; is not one of %2</translation>
    </message>
    <message>
        <source>&quot;from&quot; must be before &quot;until&quot;; a time range past midnight is two promotions</source>
        <translation>&quot;from&quot; must be before &quot;until&quot;; a time range past midnight is two promotions</translation>
    </message>
    <message>
        <source>&quot;first_day&quot; %1 is after &quot;last_day&quot; %2</source>
        <translation>&quot;first_day&quot; %1 is after &quot;last_day&quot; %2</translation>
    </message>
    <message>
        <source>&quot;tiers&quot; must be a list of at least one {&quot;over&quot;: …, &quot;off&quot;: …}</source>
        <translation>&quot;tiers&quot; must be a list of at least one {&quot;over&quot;: …, &quot;off&quot;: …}</translation>
    </message>
    <message>
        <source> tier %1</source>
        <translation> tier %1</translation>
    </message>
    <message>
        <source>must be an object {&quot;over&quot;: …, &quot;off&quot;: …}</source>
        <translation>must be an object {&quot;over&quot;: …, &quot;off&quot;: …}</translation>
    </message>
    <message>
        <source>¥%1 off is more than the ¥%2 it needs</source>
        <translation>¥%1 off is more than the ¥%2 it needs</translation>
    </message>
    <message>
        <source>&quot;over&quot; ¥%1 must be more than the tier before (¥%2)</source>
        <translation>&quot;over&quot; ¥%1 must be more than the tier before (¥%2)</translation>
    </message>
    <message>
        <source>&quot;off&quot; ¥%1 must be more than the tier before (¥%2)</source>
        <translation>&quot;off&quot; ¥%1 must be more than the tier before (¥%2)</translation>
    </message>
    <message>
        <source>&quot;prices&quot; must be an object of SKU and price, such as {&quot;DR0001&quot;: &quot;2.50&quot;}</source>
        <translation>&quot;prices&quot; must be an object of SKU and price, such as {&quot;DR0001&quot;: &quot;2.50&quot;}</translation>
    </message>
    <message>
        <source>&quot;prices&quot; has an empty SKU</source>
        <translation>&quot;prices&quot; has an empty SKU</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>&quot;id&quot; must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;; the kinds are %2</source>
        <translation>unknown kind &quot;%1&quot;; the kinds are %2</translation>
    </message>
    <message>
        <source>an exclusive promotion stacks with nothing: &quot;stacks_with&quot; contradicts &quot;exclusive&quot;</source>
        <translation>an exclusive promotion stacks with nothing: &quot;stacks_with&quot; contradicts &quot;exclusive&quot;</translation>
    </message>
    <message>
        <source>&quot;coupon_campaigns&quot; must be a list</source>
        <translation>&quot;coupon_campaigns&quot; must be a list</translation>
    </message>
    <message>
        <source>coupon campaign %1</source>
        <translation>coupon campaign %1</translation>
    </message>
    <message>
        <source>must be an object {&quot;campaign&quot;: …, &quot;stacks_with_promotions&quot;: …}</source>
        <translation>must be an object {&quot;campaign&quot;: …, &quot;stacks_with_promotions&quot;: …}</translation>
    </message>
    <message>
        <source>campaign %1 is listed twice</source>
        <translation>campaign %1 is listed twice</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>not valid JSON: %1 at byte %2</translation>
    </message>
    <message>
        <source>the promotions must be one JSON object with &quot;version&quot;: 1 and &quot;promotions&quot;: […]</source>
        <translation>the promotions must be one JSON object with &quot;version&quot;: 1 and &quot;promotions&quot;: […]</translation>
    </message>
    <message>
        <source>&quot;promotions&quot; must be a list</source>
        <translation>&quot;promotions&quot; must be a list</translation>
    </message>
    <message>
        <source>promotion %1</source>
        <translation>promotion %1</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>promotion %1 has the same id</source>
        <translation>promotion %1 has the same id</translation>
    </message>
    <message>
        <source>&quot;tier_percent&quot; must be an object of tier and percent, such as {&quot;gold&quot;: 150}</source>
        <translation>&quot;tier_percent&quot; must be an object of tier and percent, such as {&quot;gold&quot;: 150}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a member tier; the tiers are %2</source>
        <translation>&quot;%1&quot; is not a member tier; the tiers are %2</translation>
    </message>
    <message>
        <source>&quot;loyalty&quot; must be an object with &quot;points_per_yuan&quot;, &quot;tier_percent&quot;, &quot;excluded_categories&quot;, &quot;birthday_percent&quot; and &quot;redeem&quot;, each optional</source>
        <translation>&quot;loyalty&quot; must be an object with &quot;points_per_yuan&quot;, &quot;tier_percent&quot;, &quot;excluded_categories&quot;, &quot;birthday_percent&quot; and &quot;redeem&quot;, each optional</translation>
    </message>
    <message>
        <source>loyalty</source>
        <translation>loyalty</translation>
    </message>
    <message>
        <source>&quot;redeem&quot; must be an object with &quot;points_per_yuan&quot; and &quot;max_percent&quot;, each optional</source>
        <translation>&quot;redeem&quot; must be an object with &quot;points_per_yuan&quot; and &quot;max_percent&quot;, each optional</translation>
    </message>
</context>
<context>
    <name>smartpos::ReceiptCodes</name>
    <message>
        <source>This is not a SmartPOS receipt code, or it was not read whole.</source>
        <translation>This is not a SmartPOS receipt code, or it was not read whole.</translation>
    </message>
    <message>
        <source>This receipt was printed by another till (%1).</source>
        <translation>This receipt was printed by another till (%1).</translation>
    </message>
    <message>
        <source>This receipt code does not check: it was altered or forged.</source>
        <translation>This receipt code does not check: it was altered or forged.</translation>
    </message>
</context>
<context>
    <name>smartpos::SaleSession</name>
    <message>
        <source>Scan ignored: finish the payment or go back to the cart first.</source>
        <translation>Scan ignored: finish the payment or go back to the cart first.</translation>
    </message>
    <message>
        <source>The sale is being paid: go back to the cart to change it.</source>
        <translation>The sale is being paid: go back to the cart to change it.</translation>
    </message>
    <message>
        <source>This product is no longer in the catalog.</source>
        <translation>This product is no longer in the catalog.</translation>
    </message>
    <message>
        <source>%1 is sold by weight: weigh it and scan the scale label.</source>
        <translation>%1 is sold by weight: weigh it and scan the scale label.</translation>
    </message>
    <message>
        <source>Quantity must be between 1 and %1.</source>
        <translation>Quantity must be between 1 and %1.</translation>
    </message>
    <message>
        <source>Select a line first.</source>
        <translation>Select a line first.</translation>
    </message>
    <message>
        <source>There is no sale to cancel.</source>
        <translation>There is no sale to cancel.</translation>
    </message>
    <message>
        <source>Scan a product first.</source>
        <translation>Scan a product first.</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message>
        <source>Open the payment first.</source>
        <translation>Open the payment first.</translation>
    </message>
    <message>
        <source>¥%1 is less than the total ¥%2.</source>
        <translation>¥%1 is less than the total ¥%2.</translation>
    </message>
    <message>
        <source>The sale was NOT saved. %1 The cart is kept: press Pay again when fixed.</source>
        <translation>The sale was NOT saved. %1 The cart is kept: press Pay again when fixed.</translation>
    </message>
    <message>
        <source>A sale is in progress: finish or cancel it before opening the drawer.</source>
        <translation>A sale is in progress: finish or cancel it before opening the drawer.</translation>
    </message>
    <message>
        <source>The drawer was NOT opened: %1</source>
        <translation>The drawer was NOT opened: %1</translation>
    </message>
    <message>
        <source>Not added: its price is above ¥%1, the most one product may cost. Check the price in the catalog (or the limit, unit_price in smartpos.ini).</source>
        <translation>Not added: its price is above ¥%1, the most one product may cost. Check the price in the catalog (or the limit, unit_price in smartpos.ini).</translation>
    </message>
    <message>
        <source>Not changed: the line would cost more than ¥%1, the most one line may cost (line in smartpos.ini).</source>
        <translation>Not changed: the line would cost more than ¥%1, the most one line may cost (line in smartpos.ini).</translation>
    </message>
    <message>
        <source>Not changed: the sale would cost more than ¥%1, the most one sale may cost (sale in smartpos.ini). Pay this sale, then ring up the rest as a new one.</source>
        <translation>Not changed: the sale would cost more than ¥%1, the most one sale may cost (sale in smartpos.ini). Pay this sale, then ring up the rest as a new one.</translation>
    </message>
    <message>
        <source>This item cannot be added to the sale.</source>
        <translation>This item cannot be added to the sale.</translation>
    </message>
    <message>
        <source>An item with a scale label keeps what its label says.</source>
        <translation>An item with a scale label keeps what its label says.</translation>
    </message>
    <message>
        <source>¥%1 is more cash than one sale takes (at most ¥%2): check the amount typed.</source>
        <translation>¥%1 is more cash than one sale takes (at most ¥%2): check the amount typed.</translation>
    </message>
    <message>
        <source>Change would be ¥%1. Did the customer really hand over ¥%2? Press Enter again to confirm, or correct the amount.</source>
        <translation>Change would be ¥%1. Did the customer really hand over ¥%2? Press Enter again to confirm, or correct the amount.</translation>
    </message>
    <message>
        <source>This till cannot check member codes: it has no member list or no member code secret (codes/member-secret). Look the member up by phone (F6).</source>
        <translation>This till cannot check member codes: it has no member list or no member code secret (codes/member-secret). Look the member up by phone (F6).</translation>
    </message>
    <message>
        <source>Please refresh your member code and show it again.</source>
        <translation>Please refresh your member code and show it again.</translation>
    </message>
    <message>
        <source>This member code was already used for a sale (a screenshot?). Ask the customer to refresh the code in their app.</source>
        <translation>This member code was already used for a sale (a screenshot?). Ask the customer to refresh the code in their app.</translation>
    </message>
    <message>
        <source>This member code has expired (a screenshot?). Ask the customer for the live code in their app.</source>
        <translation>This member code has expired (a screenshot?). Ask the customer for the live code in their app.</translation>
    </message>
    <message>
        <source>This member code is from the future: the phone&apos;s clock is ahead of the till&apos;s. Look the member up by phone (F6).</source>
        <translation>This member code is from the future: the phone&apos;s clock is ahead of the till&apos;s. Look the member up by phone (F6).</translation>
    </message>
    <message>
        <source>This member code is not genuine: it was altered or not made by the chain&apos;s app. Look the member up by phone (F6).</source>
        <translation>This member code is not genuine: it was altered or not made by the chain&apos;s app. Look the member up by phone (F6).</translation>
    </message>
    <message>
        <source>This code cannot be used here. Please ask the cashier.</source>
        <translation>This code cannot be used here. Please ask the cashier.</translation>
    </message>
    <message>
        <source>This member code cannot be read: scan it again.</source>
        <translation>This member code cannot be read: scan it again.</translation>
    </message>
    <message>
        <source>Member %1 is not in this till&apos;s member list: look them up by phone (F6), or import the newest members.</source>
        <translation>Member %1 is not in this till&apos;s member list: look them up by phone (F6), or import the newest members.</translation>
    </message>
    <message>
        <source>Please ask the cashier to look up your membership.</source>
        <translation>Please ask the cashier to look up your membership.</translation>
    </message>
    <message>
        <source>This till cannot check coupons: it has no coupon keys (codes/coupon-keys.pem). The coupon was not used.</source>
        <translation>This till cannot check coupons: it has no coupon keys (codes/coupon-keys.pem). The coupon was not used.</translation>
    </message>
    <message>
        <source>Coupon #%1 was already used (written off in an earlier sale).</source>
        <translation>Coupon #%1 was already used (written off in an earlier sale).</translation>
    </message>
    <message>
        <source>This coupon has already been used.</source>
        <translation>This coupon has already been used.</translation>
    </message>
    <message>
        <source>Coupon #%1 expired on %2.</source>
        <translation>Coupon #%1 expired on %2.</translation>
    </message>
    <message>
        <source>Sorry, this coupon has expired.</source>
        <translation>Sorry, this coupon has expired.</translation>
    </message>
    <message>
        <source>Coupon #%1 can be used from %2.</source>
        <translation>Coupon #%1 can be used from %2.</translation>
    </message>
    <message>
        <source>This coupon cannot be used yet.</source>
        <translation>This coupon cannot be used yet.</translation>
    </message>
    <message>
        <source>Coupon #%1 belongs to a member: scan their member code (or F6) first, then the coupon.</source>
        <translation>Coupon #%1 belongs to a member: scan their member code (or F6) first, then the coupon.</translation>
    </message>
    <message>
        <source>Coupon #%1 belongs to another member, not to this sale&apos;s.</source>
        <translation>Coupon #%1 belongs to another member, not to this sale&apos;s.</translation>
    </message>
    <message>
        <source>This coupon belongs to a member account: please show your member code first.</source>
        <translation>This coupon belongs to a member account: please show your member code first.</translation>
    </message>
    <message>
        <source>This coupon was not issued by this chain (or with a key this till no longer trusts). It was not used.</source>
        <translation>This coupon was not issued by this chain (or with a key this till no longer trusts). It was not used.</translation>
    </message>
    <message>
        <source>This coupon is forged: its signature does not match. It was not used.</source>
        <translation>This coupon is forged: its signature does not match. It was not used.</translation>
    </message>
    <message>
        <source>This coupon code cannot be read: scan it again.</source>
        <translation>This coupon code cannot be read: scan it again.</translation>
    </message>
    <message>
        <source>Coupon #%1 is already in this sale.</source>
        <translation>Coupon #%1 is already in this sale.</translation>
    </message>
    <message>
        <source>This sale is already for member %1. Remove that member first (Shift+F6) to change it.</source>
        <translation>This sale is already for member %1. Remove that member first (Shift+F6) to change it.</translation>
    </message>
    <message>
        <source>“%1” is not a mobile number: 11 digits, starting with 1.</source>
        <translation>“%1” is not a mobile number: 11 digits, starting with 1.</translation>
    </message>
    <message>
        <source>This till has no member list.</source>
        <translation>This till has no member list.</translation>
    </message>
    <message>
        <source>No member has the phone number %1. The customer can join now.</source>
        <translation>No member has the phone number %1. The customer can join now.</translation>
    </message>
    <message>
        <source>The customer must agree to the member terms before joining.</source>
        <translation>The customer must agree to the member terms before joining.</translation>
    </message>
    <message>
        <source>The customer was NOT signed up: %1</source>
        <translation>The customer was NOT signed up: %1</translation>
    </message>
    <message>
        <source>This sale has no member.</source>
        <translation>This sale has no member.</translation>
    </message>
    <message>
        <source>Identify the member first (F6 or their code).</source>
        <translation>Identify the member first (F6 or their code).</translation>
    </message>
    <message>
        <source>This store has no points scheme.</source>
        <translation>This store has no points scheme.</translation>
    </message>
    <message>
        <source>No points can be used: %1 available, %2 points pay ¥1, at most %3% of the sale.</source>
        <translation>No points can be used: %1 available, %2 points pay ¥1, at most %3% of the sale.</translation>
    </message>
    <message>
        <source>There is no such coupon in this sale.</source>
        <translation>There is no such coupon in this sale.</translation>
    </message>
    <message>
        <source>This till has no coupons to hand out.</source>
        <translation>This till has no coupons to hand out.</translation>
    </message>
    <message>
        <source>Hand out a coupon with a sale: scan a product first.</source>
        <translation>Hand out a coupon with a sale: scan a product first.</translation>
    </message>
    <message>
        <source>No coupons of campaign %1 are left to hand out.</source>
        <translation>No coupons of campaign %1 are left to hand out.</translation>
    </message>
</context>
<context>
    <name>smartpos::ScanResolver</name>
    <message>
        <source>Returns are not supported yet: nothing was done with this receipt.</source>
        <translation>Returns are not supported yet: nothing was done with this receipt.</translation>
    </message>
    <message>
        <source>Payment code %1: mobile payment is not supported yet. Please take cash.</source>
        <translation>Payment code %1: mobile payment is not supported yet. Please take cash.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n digit(s); product barcodes have 8, 12 or 13.</source>
        <translation>
            <numerusform>%1 has %n digit; product barcodes have 8, 12 or 13.</numerusform>
            <numerusform>%1 has %n digits; product barcodes have 8, 12 or 13.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a product barcode.</source>
        <translation>“%1” is not a product barcode.</translation>
    </message>
    <message>
        <source>%1 has a wrong check digit. Scan it again or type it.</source>
        <translation>%1 has a wrong check digit. Scan it again or type it.</translation>
    </message>
    <message>
        <source>No product has barcode %1. Check the code or add the product to the catalog.</source>
        <translation>No product has barcode %1. Check the code or add the product to the catalog.</translation>
    </message>
    <message>
        <source>%1 is sold by weight: weigh it and scan the scale label.</source>
        <translation>%1 is sold by weight: weigh it and scan the scale label.</translation>
    </message>
    <message>
        <source>Scale label %1 carries a weight, but %2 is sold by the piece.</source>
        <translation>Scale label %1 carries a weight, but %2 is sold by the piece.</translation>
    </message>
    <message>
        <source>Scale label %1: no product has its PLU.</source>
        <translation>Scale label %1: no product has its PLU.</translation>
    </message>
    <message>
        <source>Scale label %1 shows no weight: weigh the item again and print a new label.</source>
        <translation>Scale label %1 shows no weight: weigh the item again and print a new label.</translation>
    </message>
    <message>
        <source>Scale label %1 shows no price: weigh the item again and print a new label.</source>
        <translation>Scale label %1 shows no price: weigh the item again and print a new label.</translation>
    </message>
    <message>
        <source>%1 has no price per kg in the catalog: fix its price before selling it.</source>
        <translation>%1 has no price per kg in the catalog: fix its price before selling it.</translation>
    </message>
    <message>
        <source>Scale label %1 carries a price, but %2 is sold by the piece: scan its own barcode. (Marked-down labels need a layout marked markdown in smartpos.ini.)</source>
        <translation>Scale label %1 carries a price, but %2 is sold by the piece: scan its own barcode. (Marked-down labels need a layout marked markdown in smartpos.ini.)</translation>
    </message>
    <message>
        <source>This is a member code, not a product.</source>
        <translation>This is a member code, not a product.</translation>
    </message>
    <message>
        <source>This is a coupon code, not a product.</source>
        <translation>This is a coupon code, not a product.</translation>
    </message>
</context>
<context>
    <name>smartpos::SyncIndicator</name>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <source>Cloud: connecting…</source>
        <translation>Cloud: connecting…</translation>
    </message>
    <message>
        <source>all sent</source>
        <translation>all sent</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Cloud online</source>
        <translation>Cloud online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>smartpos::TillApp</name>
    <message>
        <source>The SmartPOS screens failed to load.</source>
        <translation>The SmartPOS screens failed to load.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Cannot create %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>Receipt printer not used: %1</source>
        <translation>Receipt printer not used: %1</translation>
    </message>
</context>
<context>
    <name>smartpos::devices::CameraSource</name>
    <message>
        <source>No camera found</source>
        <translation>No camera found</translation>
    </message>
    <message>
        <source>Camera %1 is not connected</source>
        <translation>Camera %1 is not connected</translation>
    </message>
    <message>
        <source>Camera %1 failed: %2</source>
        <translation>Camera %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>smartpos::devices::PoleDisplay</name>
    <message>
        <source>There is no serial port %1: is the customer display plugged in?</source>
        <translation>There is no serial port %1: is the customer display plugged in?</translation>
    </message>
    <message>
        <source>Cannot open the customer display&apos;s port %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</source>
        <translation>Cannot open the customer display&apos;s port %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</translation>
    </message>
    <message>
        <source>Cannot open the customer display&apos;s port %1: %2</source>
        <translation>Cannot open the customer display&apos;s port %1: %2</translation>
    </message>
    <message>
        <source>The customer display at %1 was unplugged</source>
        <translation>The customer display at %1 was unplugged</translation>
    </message>
    <message>
        <source>In “%1” encoding must be ascii or gb18030</source>
        <translation>In “%1” encoding must be ascii or gb18030</translation>
    </message>
    <message>
        <source>In “%1” yen must be one printable byte like 0x9d</source>
        <translation>In “%1” yen must be one printable byte like 0x9d</translation>
    </message>
    <message>
        <source>In “%1” “%2” is not a customer display option (baud, flow, encoding and yen are)</source>
        <translation>In “%1” “%2” is not a customer display option (baud, flow, encoding and yen are)</translation>
    </message>
</context>
<context>
    <name>smartpos::devices::SerialScanner</name>
    <message>
        <source>There is no serial port %1: is the scanner plugged in?</source>
        <translation>There is no serial port %1: is the scanner plugged in?</translation>
    </message>
    <message>
        <source>Cannot open the scanner&apos;s port %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</source>
        <translation>Cannot open the scanner&apos;s port %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</translation>
    </message>
    <message>
        <source>Cannot open the scanner&apos;s port %1: %2</source>
        <translation>Cannot open the scanner&apos;s port %1: %2</translation>
    </message>
    <message>
        <source>The scanner at %1 was unplugged</source>
        <translation>The scanner at %1 was unplugged</translation>
    </message>
    <message>
        <source>In “%1” “%2” is not a scanner option (baud, flow and terminator are)</source>
        <translation>In “%1” “%2” is not a scanner option (baud, flow and terminator are)</translation>
    </message>
    <message>
        <source>In “%1” terminator must be crlf, cr, lf, tab, none or one byte like 0x03</source>
        <translation>In “%1” terminator must be crlf, cr, lf, tab, none or one byte like 0x03</translation>
    </message>
    <message>
        <source>A scan longer than %1 bytes was ignored: scan the code again</source>
        <translation>A scan longer than %1 bytes was ignored: scan the code again</translation>
    </message>
    <message>
        <source>A scan with control characters was ignored: check the scanner&apos;s terminator (%1)</source>
        <translation>A scan with control characters was ignored: check the scanner&apos;s terminator (%1)</translation>
    </message>
    <message>
        <source>A scan that is not UTF-8 text was ignored: set the scanner to send UTF-8</source>
        <translation>A scan that is not UTF-8 text was ignored: set the scanner to send UTF-8</translation>
    </message>
</context>
<context>
    <name>smartpos::escpos</name>
    <message>
        <source>The logo %1 cannot be read: %2</source>
        <translation>The logo %1 cannot be read: %2</translation>
    </message>
</context>
<context>
    <name>smartpos::sync</name>
    <message>
        <source>The cloud sent a change of %1 %2 that is not valid (%3); nothing of it was applied.</source>
        <translation>The cloud sent a change of %1 %2 that is not valid (%3); nothing of it was applied.</translation>
    </message>
    <message>
        <source>The answer is not a valid SmartPOS message (%1).</source>
        <translation>The answer is not a valid SmartPOS message (%1).</translation>
    </message>
    <message>
        <source>an unexpected answer: “%1”</source>
        <translation>an unexpected answer: “%1”</translation>
    </message>
</context>
<context>
    <name>smartpos::sync::SyncClient</name>
    <message>
        <source>The server at %1 is not the cloud this till enrolled with (another certificate); nothing was sent. Call your manager.</source>
        <translation>The server at %1 is not the cloud this till enrolled with (another certificate); nothing was sent. Call your manager.</translation>
    </message>
    <message>
        <source>The cloud cannot be reached (%1).</source>
        <translation>The cloud cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The cloud refuses this till until a manager looks at it: %1</source>
        <translation>The cloud refuses this till until a manager looks at it: %1</translation>
    </message>
    <message>
        <source>The cloud does not accept this till&apos;s requests: %1</source>
        <translation>The cloud does not accept this till&apos;s requests: %1</translation>
    </message>
    <message>
        <source>The cloud answered %1: %2</source>
        <translation>The cloud answered %1: %2</translation>
    </message>
    <message>
        <source>The cloud refused this till&apos;s sales: %1. Call your manager.</source>
        <translation>The cloud refused this till&apos;s sales: %1. Call your manager.</translation>
    </message>
    <message>
        <source>The cloud answered without taking any sale; trying again later.</source>
        <translation>The cloud answered without taking any sale; trying again later.</translation>
    </message>
</context>
<context>
    <name>smartpos::sync::SyncConfig</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged; enrol the till again (smartpos-admin enroll --force).</source>
        <translation>%1 is damaged; enrol the till again (smartpos-admin enroll --force).</translation>
    </message>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Cannot make the folder %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
</TS>
